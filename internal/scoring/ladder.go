package scoring

import (
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
)

// The experience items of the questionnaire, read by the profile model's
// readiness rules (their option stages are in the questionnaire file).
const (
	itemYears     = "e01" // years in IT
	itemTeamSize  = "e04" // largest team or project led
	teamSizeLimit = 4     // construct.StageManager's rank
)

// yearsCap is the highest stage each answer to itemYears allows: years of
// experience bound the stage, whatever else is claimed.
var yearsCap = map[string]construct.Stage{
	"y0":  construct.StageCoordinator,
	"y1":  construct.StagePractitioner,
	"y3":  construct.StageLead,
	"y5":  construct.StageManager,
	"y10": construct.StageExecutive,
}

// ladderReadiness places the person on the articles' ladder for the
// profile model. Each experience item counts once at the highest stage it
// shows; the team a person led counts at most as manager (a large team is
// not a portfolio); the highest claim counts only one stage above the
// next strongest, so one claim cannot jump the ladder; and the years in IT
// cap the result. Years alone raise nothing: ten years of development
// without project-management duties is not a lead's experience.
func ladderReadiness(evidence []Evidence) construct.Stage {
	best := map[string]int{}
	capRank := len(construct.Stages) - 1
	for _, e := range evidence {
		r, _ := construct.Rank(e.Stage)
		switch e.Item {
		case itemYears:
			if s, ok := yearsCap[e.Option]; ok {
				capRank, _ = construct.Rank(s)
			}
			continue
		case itemTeamSize:
			r = min(r, teamSizeLimit)
		}
		best[e.Item] = max(best[e.Item], r)
	}
	return construct.Stages[min(corroborated(best), capRank)].Key
}

// roleForNow is the role on the target's track that the person is ready
// for today: the target itself when their stage reaches its level, else
// the highest role of the track at or below their stage, else the track's
// entry role. Someone with a PMO director's aptitude and a year in IT
// starts as what the ladder says, not as a director.
func roleForNow(c *catalog.Catalog, target catalog.Role, stage construct.Stage) string {
	rank, _ := construct.Rank(stage)
	targetRank, _ := construct.Rank(target.Level)
	if targetRank <= rank {
		return target.Slug
	}
	now, nowRank := "", -1
	entry, entryRank := "", len(construct.Stages)
	for _, r := range c.Roles {
		if r.Track != target.Track {
			continue
		}
		lr, _ := construct.Rank(r.Level)
		if lr <= rank && lr > nowRank {
			now, nowRank = r.Slug, lr
		}
		if lr < entryRank {
			entry, entryRank = r.Slug, lr
		}
	}
	if now == "" {
		return entry
	}
	return now
}
