package password

import (
	"bufio"
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheck(t *testing.T) {
	kana10 := "あいうえおかきくけこ" // 10 runes, 30 bytes
	tests := []struct {
		name  string
		pw    string
		email string
		want  error
	}{
		{"empty", "", "", ErrTooShort},
		{"9 runes", "zebra-lam", "", ErrTooShort},
		{"exactly 10 runes", "zebra-lamp", "", nil},
		{"9 kana is 27 bytes but too short", "あいうえおかきくけ", "", ErrTooShort},
		{"10 kana passes, counted in runes", kana10, "", nil},
		{"Japanese passphrase with spaces", "ねこ が すき です よね", "", nil},
		{"256 runes", strings.Repeat("ab", 128), "", nil},
		{"257 runes", strings.Repeat("ab", 128) + "c", "", ErrTooLong},
		{"100 kana is 300 bytes but allowed", strings.Repeat(kana10, 10), "", nil},
		{"257 kana", strings.Repeat(kana10, 25) + "あいうえおかき", "", ErrTooLong},
		{"no composition rules: lower-case words", "correct horse battery staple", "", nil},
		{"no composition rules: digits only, not common", "8203917465", "", nil},
		{"spaces count, nothing trimmed", "  zebra-l  ", "", nil},
		{"invalid UTF-8", strings.Repeat("\xff", 12), "", ErrEncoding},

		// Entries verified to be in common-passwords.txt (see TestCommonList).
		{"common: Password123", "Password123", "", ErrCommon},
		{"common: PASSWORD123", "PASSWORD123", "", ErrCommon},
		{"common: qwertyuiop", "qwertyuiop", "", ErrCommon},
		{"common: QwErTyUiOp", "QwErTyUiOp", "", ErrCommon},
		{"common: 1234567890", "1234567890", "", ErrCommon},
		{"common: password1234", "Password1234", "", ErrCommon},
		{"common entry with a suffix is not an exact match", "qwertyuiop-zebra", "", nil},

		{"equals e-mail local part", "jane.doe.smith", "jane.doe.smith@example.com", ErrEmail},
		{"contains e-mail local part", "jane.doe2024!", "jane.doe@example.com", ErrEmail},
		{"contains local part, other case", "My-JANE.DOE-pw", "Jane.Doe@Example.com", ErrEmail},
		{"equals whole e-mail", "jane.doe@example.com", "jane.doe@example.com", ErrEmail},
		{"contains whole e-mail with short local part", "bob@example.com!!", "bob@example.com", ErrEmail},
		{"short local part (3) is not checked", "bobsledding-rocks", "bob@example.com", nil},
		{"local part of exactly 4 is checked", "anna-loves-hiking", "anna@example.com", ErrEmail},
		{"local part before a + tag", "marymarymary", "mary+pmpath@example.org", ErrEmail},
		{"e-mail with surrounding spaces", "jane.doe2024!", "  jane.doe@example.com ", ErrEmail},
		{"unrelated e-mail", "correct horse battery staple", "jane.doe@example.com", nil},
		{"Japanese local part", "たなかはなこのパスワード", "たなかはなこ@example.jp", ErrEmail},
		// Too short wins over common: the user gets the first fix to make.
		{"short and common", "123456", "", ErrTooShort},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Check(tt.pw, tt.email); !errors.Is(got, tt.want) {
				t.Errorf("Check(%q, %q) = %v, want %v", tt.pw, tt.email, got, tt.want)
			}
		})
	}
}

func TestErrorMessages(t *testing.T) {
	if !strings.Contains(ErrTooShort.Error(), strconv.Itoa(MinLength)) {
		t.Errorf("ErrTooShort %q does not name the minimum %d", ErrTooShort, MinLength)
	}
	if !strings.Contains(ErrTooLong.Error(), strconv.Itoa(MaxLength)) {
		t.Errorf("ErrTooLong %q does not name the maximum %d", ErrTooLong, MaxLength)
	}
	for _, err := range []error{ErrTooShort, ErrTooLong, ErrCommon, ErrEmail, ErrEncoding} {
		msg := err.Error()
		if msg == "" || !strings.HasSuffix(msg, ".") || strings.Contains(msg, "password:") {
			t.Errorf("message %q is not a user-facing sentence", msg)
		}
	}
}

// TestCommonList checks the embedded list's shape and that the entries the
// tests above rely on are in it.
func TestCommonList(t *testing.T) {
	const wantCount = 49233
	set := commonPasswords()
	if len(set) != wantCount {
		t.Errorf("list has %d entries, want %d", len(set), wantCount)
	}
	lines := 0
	sc := bufio.NewScanner(strings.NewReader(commonPasswordsFile))
	for sc.Scan() {
		line := sc.Text()
		lines++
		if line == "" || line != strings.ToLower(line) || line != strings.TrimSpace(line) || !utf8.ValidString(line) {
			t.Errorf("line %d %q is not a trimmed lower-case entry", lines, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines != len(set) {
		t.Errorf("%d lines but %d distinct entries: duplicates", lines, len(set))
	}
	for _, pw := range []string{"123456", "password", "password123", "qwertyuiop", "1234567890", "password1234"} {
		if !IsCommon(pw) || !IsCommon(strings.ToUpper(pw)) {
			t.Errorf("IsCommon(%q) = false, want true in any case", pw)
		}
	}
	if IsCommon("correct horse battery staple") {
		t.Error("IsCommon(a passphrase) = true")
	}
}
