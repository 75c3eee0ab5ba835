package report

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// quoteRunes is how much of an answer a why-sentence quotes, ellipsis
// included.
const quoteRunes = 48

// explainText holds a language's sentences for Explain, each as the
// parts between its blanks (see fill).
type explainText struct {
	strength, gap   [4]string // blanks: dimension, score, weight
	chose, answered [2]string // blank: the quoted choice or statement
}

// explainTextIn is l's sentences: English, or Japanese, the default.
func explainTextIn(l i18n.Lang) explainText {
	if l == i18n.EN {
		return explainText{
			strength: [4]string{"Your ", " score of ", " is a strength this role relies on (weight ", " of 5)."},
			gap:      [4]string{"Your ", " score of ", " is below what this role asks for (weight ", " of 5)."},
			chose:    [2]string{" It shows most in your choice “", "”."},
			answered: [2]string{" It shows most in your answer to “", "”."},
		}
	}
	return explainText{
		strength: [4]string{"「", "」が", "点と高く、この役割で重視される力（重要度 ", "/5）に合っています。"},
		gap:      [4]string{"「", "」が", "点で、この役割が求める水準（重要度 ", "/5）を下回っています。"},
		chose:    [2]string{"特に「", "」を選んだことに表れています。"},
		answered: [2]string{"特に「", "」への回答に表れています。"},
	}
}

// Explain turns a reason into a sentence in l, quoting the answer that
// drove it. Every result explains a score of reasons, so the sentence is
// joined from its parts in one allocation rather than formatted.
func Explain(r scoring.Reason, answers questionnaire.Answers, q *questionnaire.Questionnaire, l i18n.Lang) string {
	t := explainTextIn(l)
	sentence := t.gap
	if r.Kind == scoring.ReasonStrength {
		sentence = t.strength
	}
	args := [3]string{DimensionName(r.Dimension, l), strconv.Itoa(r.Score), strconv.Itoa(r.Weight)}
	var quote [1]string
	var tail []string
	if len(r.Items) > 0 {
		var chose bool
		if quote[0], chose = answerText(r.Items[0], answers, q, l); quote[0] != "" {
			tail = t.answered[:]
			if chose {
				tail = t.chose[:]
			}
		}
	}
	var b strings.Builder
	b.Grow(filled(sentence[:], args[:]) + filled(tail, quote[:]))
	fill(&b, sentence[:], args[:])
	fill(&b, tail, quote[:])
	return b.String()
}

// fill writes parts with the blanks between them filled by args in turn:
// parts[0], args[0], parts[1], args[1], … and the last part. No parts
// write nothing.
func fill(b *strings.Builder, parts, args []string) {
	for i, s := range parts {
		b.WriteString(s)
		if i < len(args) && i < len(parts)-1 {
			b.WriteString(args[i])
		}
	}
}

// filled is the length of what fill writes.
func filled(parts, args []string) int {
	n := 0
	for i, s := range parts {
		n += len(s)
		if i < len(args) && i < len(parts)-1 {
			n += len(args[i])
		}
	}
	return n
}

// answerText is what the person answered to an item, shortened: the
// statement of a Likert item, or the option they chose (chose is true).
func answerText(id string, answers questionnaire.Answers, q *questionnaire.Questionnaire, l i18n.Lang) (text string, chose bool) {
	it, ok := q.Item(id)
	if !ok {
		return "", false
	}
	if it.Type == questionnaire.Choice {
		if o, ok := it.Option(answers[id].Option); ok {
			return shorten(o.Text.In(l), quoteRunes), true
		}
	}
	return shorten(it.Text.In(l), quoteRunes), false
}

// shorten cuts s to at most runes runes, the last an ellipsis.
func shorten(s string, runes int) string {
	if utf8.RuneCountInString(s) <= runes {
		return s
	}
	// Cut s where its runes-1st rune ends, without copying it into runes
	// (every result quotes several items). Invalid UTF-8 takes the copy,
	// which turns it into U+FFFD as before.
	n := 0
	for i, r := range s {
		if r == utf8.RuneError {
			break
		}
		if n == runes-1 {
			return s[:i] + "…"
		}
		n++
	}
	r := []rune(s)
	return string(r[:runes-1]) + "…"
}
