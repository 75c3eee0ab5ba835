package report

import (
	"strconv"
	"strings"

	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
)

// explainText holds a language's sentences for Explain, each as the
// parts between its blanks (see fill).
type explainText struct {
	strength, gap [4]string // blanks: dimension, score, weight
	// The evidence: a statement the person agreed or disagreed with, an
	// option they chose, or, for a gap, the option they chose over the one
	// that would have shown the dimension.
	agreed, disagreed, chose [2]string // blank: the statement or option
	choseOver                [3]string // blanks: the option taken, the one not taken
	// notTakenFirst swaps choseOver's blanks, for word order.
	notTakenFirst bool
}

// explainTextIn is l's sentences: English, or Japanese, the default.
func explainTextIn(l i18n.Lang) explainText {
	if l == i18n.EN {
		return explainText{
			strength:  [4]string{"Your ", " score of ", " is a strength this role relies on (weight ", " of 5)."},
			gap:       [4]string{"Your ", " score of ", " is below what this role asks for (weight ", " of 5)."},
			agreed:    [2]string{" It shows in your agreeing with “", "”."},
			disagreed: [2]string{" It shows in your disagreeing with “", "”."},
			chose:     [2]string{" It shows in your choice “", "”."},
			choseOver: [3]string{" It shows where you chose “", "” rather than “", "”."},
		}
	}
	return explainText{
		strength:  [4]string{"「", "」が", "点と高く、この役割で重視される力（重要度 ", "/5）に合っています。"},
		gap:       [4]string{"「", "」が", "点で、この役割が求める水準（重要度 ", "/5）を下回っています。"},
		agreed:    [2]string{"特に「", "」に当てはまると答えたことに表れています。"},
		disagreed: [2]string{"特に「", "」に当てはまらないと答えたことに表れています。"},
		chose:     [2]string{"特に「", "」を選んだことに表れています。"},
		choseOver: [3]string{"特に「", "」ではなく「", "」を選んだことに表れています。"},
		// 「取らなかった選択肢」ではなく「選んだ選択肢」を選んだ
		notTakenFirst: true,
	}
}

// Evidence is the answer a why-sentence cites: the item, whether the
// person agreed with it (a statement), and for a scenario the option
// taken and, for a gap, the option not taken that would have shown the
// dimension.
type Evidence struct {
	Item    string
	Choice  bool
	Agreed  bool
	Option  string
	NotTook string
}

// EvidenceFor picks the answer that a reason cites: the first of its items
// that points the reason's way (a strength: an answer that raised the
// dimension; a gap: one that held it back) and is not in avoid (answers
// already cited the other way for the same role). ok is false when none
// qualifies.
func EvidenceFor(r scoring.Reason, answers questionnaire.Answers, q *questionnaire.Questionnaire, avoid map[string]bool) (ev Evidence, ok bool) {
	for _, id := range r.Items {
		if avoid[id] {
			continue
		}
		it, found := q.Item(id)
		if !found {
			continue
		}
		a, answered := answers[id]
		if !answered {
			continue
		}
		switch it.Type {
		case questionnaire.Likert:
			agreed := a.Value >= 4
			if a.Value == 3 {
				continue
			}
			// A keyed score high means agreeing with a plain statement or
			// disagreeing with a reverse-keyed one.
			raised := agreed != it.Reverse
			if raised == (r.Kind == scoring.ReasonStrength) {
				return Evidence{Item: id, Agreed: agreed}, true
			}
		case questionnaire.Choice:
			opt, found := it.Option(a.Option)
			if !found {
				continue
			}
			gave := opt.Scores[r.Dimension]
			if r.Kind == scoring.ReasonStrength && gave > 0 {
				return Evidence{Item: id, Choice: true, Option: opt.ID}, true
			}
			if r.Kind == scoring.ReasonGap && gave == 0 {
				best, most := "", 0
				for _, o := range it.Options {
					if p := o.Scores[r.Dimension]; p > most {
						best, most = o.ID, p
					}
				}
				if best != "" {
					return Evidence{Item: id, Choice: true, Option: opt.ID, NotTook: best}, true
				}
			}
		}
	}
	return Evidence{}, false
}

// Explain turns a reason into a sentence in l, citing the answer that
// drove it in full: a statement as what the person agreed or disagreed
// with, a scenario as the option taken (and, for a gap, the one not
// taken). avoid lists answers not to cite. Every result explains a score
// of reasons, so the sentence is joined from its parts in one allocation
// rather than formatted.
func Explain(r scoring.Reason, answers questionnaire.Answers, q *questionnaire.Questionnaire, l i18n.Lang, avoid map[string]bool) string {
	t := explainTextIn(l)
	sentence := t.gap
	if r.Kind == scoring.ReasonStrength {
		sentence = t.strength
	}
	args := [3]string{DimensionName(r.Dimension, l), strconv.Itoa(r.Score), strconv.Itoa(r.Weight)}
	var quote [2]string
	var tail []string
	if ev, ok := EvidenceFor(r, answers, q, avoid); ok {
		it, _ := q.Item(ev.Item)
		switch {
		case ev.NotTook != "":
			taken, _ := it.Option(ev.Option)
			other, _ := it.Option(ev.NotTook)
			quote = [2]string{taken.Text.In(l), other.Text.In(l)}
			if t.notTakenFirst {
				quote[0], quote[1] = quote[1], quote[0]
			}
			tail = t.choseOver[:]
		case ev.Choice:
			taken, _ := it.Option(ev.Option)
			quote[0] = taken.Text.In(l)
			tail = t.chose[:]
		case ev.Agreed:
			quote[0] = it.Text.In(l)
			tail = t.agreed[:]
		default:
			quote[0] = it.Text.In(l)
			tail = t.disagreed[:]
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
