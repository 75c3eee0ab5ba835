// Package password checks new passwords against pmpath's policy and hashes
// and verifies them with argon2id.
//
// The policy follows OWASP ASVS 5.0 level 2 (6.2.x): a minimum length, long
// passphrases allowed and never truncated, a check against common passwords
// and against the user's own e-mail address, and no composition rules.
//
// The common-password list (common-passwords.txt, embedded below) is the
// passwords dictionary (src/passwords.json) of the npm package
// @zxcvbn-ts/language-common version 4.1.3, MIT license, copyright (c)
// 2012-2016 Dan Wheeler and Dropbox, Inc. and (c) 2021 @zxcvbn-ts; see
// common-passwords.LICENSE.txt beside it. It holds 49,233 entries,
// lower-cased and deduplicated, one a line, most frequent first.
package password

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pmpath/pmpath/internal/errs"
)

// Length limits of a new password, counted in runes (Unicode code points),
// not bytes, so a passphrase in Japanese counts the same as one in English.
const (
	// MinLength is above ASVS's minimum of 8 and below its recommended 15:
	// long enough that almost every entry of the common-password list is
	// already too short, short enough not to push people to writing it down.
	MinLength = 10
	// MaxLength allows long passphrases (ASVS asks for at least 64) while
	// bounding the input; a longer password is rejected, never truncated.
	MaxLength = 256
	// minEmailPart is the shortest e-mail local part that Check looks for
	// inside a password; shorter ones ("jo") match too many passwords by
	// chance.
	minEmailPart = 4
)

// The errors Check returns: Invalid *errs.Error values whose messages are
// English, safe to show the user and say what to do, and translatable like
// every errs message. Compare with errors.Is.
var (
	ErrTooShort error = errs.E(errs.Invalid, "Use at least %d characters. A few unrelated words make a strong password that is easy to remember.", MinLength)
	ErrTooLong  error = errs.E(errs.Invalid, "Use at most %d characters.", MaxLength)
	ErrCommon   error = errs.E(errs.Invalid, "This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words.")
	ErrEmail    error = errs.E(errs.Invalid, "Do not use your e-mail address in your password. Choose another.")
	ErrEncoding error = errs.E(errs.Invalid, "The password contains characters that cannot be read. Type it again.")
)

//go:embed common-passwords.txt
var commonPasswordsFile string

// commonPasswords is the embedded list as a set, built on first use.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 50000)
	sc := bufio.NewScanner(strings.NewReader(commonPasswordsFile))
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			set[line] = struct{}{}
		}
	}
	// The embedded file has no line longer than bufio's limit, so Scan
	// cannot fail; a test checks the count.
	return set
})

// IsCommon reports whether pw is on the common-password list, ignoring case.
func IsCommon(pw string) bool {
	_, ok := commonPasswords()[strings.ToLower(pw)]
	return ok
}

// Check checks a new password against the policy: MinLength to MaxLength
// runes, not a common password (ignoring case), and not containing the
// user's e-mail address or, when it has at least 4 characters, the e-mail's
// local part (ignoring case). There are no composition rules. It returns nil
// or one of the Err values above. email may be empty.
//
// Check does not change pw: spaces and every other character count, and
// nothing is trimmed.
func Check(pw, email string) error {
	if !utf8.ValidString(pw) {
		return ErrEncoding
	}
	n := utf8.RuneCountInString(pw)
	if n < MinLength {
		return ErrTooShort
	}
	if n > MaxLength {
		return ErrTooLong
	}
	lower := strings.ToLower(pw)
	if _, ok := commonPasswords()[lower]; ok {
		return ErrCommon
	}
	if containsEmail(lower, email) {
		return ErrEmail
	}
	return nil
}

// containsEmail reports whether the lower-cased password contains the whole
// e-mail address or a local part of at least minEmailPart runes: the local
// part itself and, for "name+tag@example.com", the part before the "+".
func containsEmail(lowerPW, email string) bool {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return false
	}
	if strings.Contains(lowerPW, email) {
		return true
	}
	local := email
	if i := strings.LastIndexByte(email, '@'); i >= 0 {
		local = email[:i]
	}
	parts := []string{local}
	if base, _, ok := strings.Cut(local, "+"); ok {
		parts = append(parts, base)
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) >= minEmailPart && strings.Contains(lowerPW, p) {
			return true
		}
	}
	return false
}
