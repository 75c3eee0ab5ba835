package i18n

import "testing"

func TestPick(t *testing.T) {
	n := NewNegotiator()
	tests := []struct {
		name, explicit, accept string
		want                   Lang
	}{
		{"nothing", "", "", JA},
		{"explicit en", "en", "ja", EN},
		{"explicit ja beats header", "ja", "en-US", JA},
		{"explicit region", "EN-gb", "", EN},
		{"explicit unknown falls to header", "fr", "en", EN},
		{"header en-US", "", "en-US,en;q=0.9", EN},
		{"header ja-JP", "", "ja-JP,ja;q=0.9,en;q=0.8", JA},
		{"header prefers en by q", "", "ja;q=0.2,en;q=0.9", EN},
		{"header unsupported only", "", "fr-FR,de", JA},
		{"header garbage", "", ";;;q=abc,,", JA},
		{"header wildcard", "", "*", JA},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := n.Pick(tt.explicit, tt.accept); got != tt.want {
				t.Errorf("Pick(%q, %q) = %q, want %q", tt.explicit, tt.accept, got, tt.want)
			}
		})
	}
}

func TestTextInAndMissing(t *testing.T) {
	tx := Text{JA: "計画", EN: "Plan"}
	if got := tx.In(EN); got != "Plan" {
		t.Errorf("In(EN) = %q", got)
	}
	if got := tx.In("fr"); got != "計画" {
		t.Errorf("In(fr) = %q, want Japanese fallback", got)
	}
	if m := tx.Missing(); len(m) != 0 {
		t.Errorf("Missing() = %v, want none", m)
	}
	if m := (Text{JA: " ", EN: "x"}).Missing(); len(m) != 1 || m[0] != JA {
		t.Errorf("Missing() = %v, want [ja]", m)
	}
}
