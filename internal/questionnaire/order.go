package questionnaire

import (
	"hash/fnv"
	"math/rand/v2"
)

// OptionOrder is the order, for one assessment, in which each choice item's
// options are shown: a permutation drawn from a generator seeded by key
// (the assessment's id) and the item's id, so the same assessment sees the
// same order on every device and every reload, and over many assessments
// every option sits in every position equally often. It is nil when the
// version does not shuffle its options.
func (q *Questionnaire) OptionOrder(key string) map[string][]string {
	if !q.ShuffleOptions {
		return nil
	}
	out := map[string][]string{}
	for _, it := range q.Items {
		if it.Type != Choice {
			continue
		}
		ids := make([]string, len(it.Options))
		for i, o := range it.Options {
			ids[i] = o.ID
		}
		h := fnv.New64a()
		h.Write([]byte(key))
		h.Write([]byte{0})
		h.Write([]byte(it.ID))
		rng := rand.New(rand.NewPCG(h.Sum64(), 0x6f7074696f6e73))
		rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		out[it.ID] = ids
	}
	return out
}
