package catalog_test

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pmpath/pmpath/assessments"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/seed"
)

// publishedQuestionnaires were published before docs/glossary.md: a
// published version never changes, so they keep their wording. A later
// version is checked.
var publishedQuestionnaires = map[string]bool{
	"pm-pmo-fit/v1.yaml": true,
	"pm-pmo-fit/v2.yaml": true,
}

// retiredVariant is one row of the glossary's "Retired variants" table.
type retiredVariant struct {
	retired, use string
	pattern      *regexp.Regexp
}

// retiredVariants reads the retired Japanese variants from docs/glossary.md,
// the table the web app's test reads too.
func retiredVariants(t *testing.T) []retiredVariant {
	t.Helper()
	doc, err := os.ReadFile("../../docs/glossary.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## Retired variants")
	if !ok {
		t.Fatal("docs/glossary.md has no \"Retired variants\" section")
	}
	var out []retiredVariant
	for _, line := range strings.Split(section, "\n") {
		line = strings.ReplaceAll(line, `\|`, "\x00")
		cells := strings.Split(strings.Trim(line, "| "), "|")
		if len(cells) != 3 || !strings.HasPrefix(strings.TrimSpace(cells[2]), "`") {
			continue
		}
		unescape := func(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "\x00", "|") }
		pattern := strings.Trim(unescape(cells[2]), "`")
		re, err := regexp.Compile(pattern)
		if err != nil {
			t.Fatalf("docs/glossary.md: pattern %q: %v", pattern, err)
		}
		out = append(out, retiredVariant{retired: unescape(cells[0]), use: unescape(cells[1]), pattern: re})
	}
	if len(out) < 10 {
		t.Fatalf("read %d retired variants from docs/glossary.md; the table did not parse", len(out))
	}
	return out
}

// japaneseTexts returns every Japanese text in v (an i18n.Text anywhere in
// its structs, slices and pointers), keyed by where it is.
func japaneseTexts(v reflect.Value, where string, out map[string]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			japaneseTexts(v.Elem(), where, out)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			japaneseTexts(v.Index(i), fmt.Sprintf("%s[%d]", where, i), out)
		}
	case reflect.Struct:
		if t, ok := v.Interface().(i18n.Text); ok {
			out[where] = t.JA
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				japaneseTexts(v.Field(i), where+"."+v.Type().Field(i).Name, out)
			}
		}
	}
}

// TestGlossary fails on a retired Japanese variant in the catalog's texts
// or in a questionnaire not yet published.
func TestGlossary(t *testing.T) {
	variants := retiredVariants(t)
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatalf("Load(seed.FS): %v", err)
	}
	texts := map[string]string{}
	for _, r := range c.Roles {
		japaneseTexts(reflect.ValueOf(r), "role "+r.Slug, texts)
	}
	for _, x := range c.Certifications {
		japaneseTexts(reflect.ValueOf(x), "certification "+x.Slug, texts)
	}
	if len(texts) < 100 {
		t.Fatalf("found only %d Japanese texts in the catalog", len(texts))
	}
	files, err := fs.Glob(assessments.FS, "*/v*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name := range publishedQuestionnaires {
		if !slices.Contains(files, name) {
			t.Errorf("publishedQuestionnaires names %s, which is not in assessments/", name)
		}
	}
	for _, f := range files {
		if publishedQuestionnaires[f] {
			continue
		}
		data, err := fs.ReadFile(assessments.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			texts[fmt.Sprintf("assessments/%s line %d", f, i+1)] = line
		}
	}
	for where, text := range texts {
		for _, v := range variants {
			if v.pattern.MatchString(text) {
				t.Errorf("%s uses the retired %s (use %s; docs/glossary.md): %q", where, v.retired, v.use, text)
			}
		}
	}
}

// TestGlossaryPatterns checks that the patterns catch the retired variants
// and leave the terms in use alone.
func TestGlossaryPatterns(t *testing.T) {
	variants := retiredVariants(t)
	matches := func(s string) bool {
		for _, v := range variants {
			if v.pattern.MatchString(s) {
				return true
			}
		}
		return false
	}
	for _, s := range []string{"相性のよい役割", "PM志向のスコア", "志向", "8つの職種", "推奨ロール", "氏名で検索", "採用担当", "アドバイザー・採用担当・管理者",
		"PMOアドミニストレータ", "PMOアナリスト", "PM 寄り", "目安 {{count}} か月", "午前II", "進退判断", "語り分けます", "顧客折衝の同席"} {
		if !matches(s) {
			t.Errorf("%q is a retired variant, but no pattern matches it", s)
		}
	}
	for _, s := range []string{"適合度の高い役割", "PMスコア", "支援志向", "傾向", "表示名", "採用担当者", "PMOアドミニストレーター",
		"PMOエキスパート", "PM寄り", "目安{{count}}か月", "科目A-1", "午前Ⅱ", "方針判断", "顧客との打ち合わせへの同席"} {
		if matches(s) {
			t.Errorf("%q is a term in use, but a retired pattern matches it", s)
		}
	}
}
