// Package i18n holds the languages pmpath speaks and the bilingual text type
// that catalog and questionnaire content is written in.
package i18n

import (
	"strings"

	"golang.org/x/text/language"
)

// Lang is a language the product is written in.
type Lang string

// The supported languages. Japanese is the default: most users are Japanese
// engineers.
const (
	JA Lang = "ja"
	EN Lang = "en"
)

// Default is the language used when a request names none we support.
const Default = JA

// Langs lists the supported languages, the default first.
var Langs = []Lang{JA, EN}

// Text is one piece of content in every supported language.
type Text struct {
	JA string `json:"ja" yaml:"ja"`
	EN string `json:"en" yaml:"en"`
}

// In returns the text in lang, falling back to Japanese when lang is unknown.
func (t Text) In(lang Lang) string {
	if lang == EN {
		return t.EN
	}
	return t.JA
}

// Missing lists the languages whose text is empty or only white space.
func (t Text) Missing() []Lang {
	var out []Lang
	if strings.TrimSpace(t.JA) == "" {
		out = append(out, JA)
	}
	if strings.TrimSpace(t.EN) == "" {
		out = append(out, EN)
	}
	return out
}

// Negotiator picks the response language from an explicit choice (the ?lang
// query parameter) or, failing that, an Accept-Language header.
type Negotiator struct {
	matcher language.Matcher
}

// NewNegotiator returns a Negotiator over the supported languages.
func NewNegotiator() *Negotiator {
	tags := make([]language.Tag, len(Langs))
	for i, l := range Langs {
		tags[i] = language.Make(string(l))
	}
	return &Negotiator{matcher: language.NewMatcher(tags)}
}

// Parse reports the supported language named by s ("ja", "en", "en-US", ...).
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	base, _, _ := strings.Cut(s, "-")
	base, _, _ = strings.Cut(base, "_")
	switch Lang(base) {
	case JA:
		return JA, true
	case EN:
		return EN, true
	}
	return "", false
}

// Pick returns the language for a request: explicit when it names a
// supported language, else the best match for acceptLanguage, else Default.
func (n *Negotiator) Pick(explicit, acceptLanguage string) Lang {
	if l, ok := Parse(explicit); ok {
		return l
	}
	if acceptLanguage == "" {
		return Default
	}
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return Default
	}
	_, idx, conf := n.matcher.Match(tags...)
	if conf == language.No {
		return Default
	}
	return Langs[idx]
}
