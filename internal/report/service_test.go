package report

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/pmpath/pmpath/internal/account"
	"github.com/pmpath/pmpath/internal/advising"
	"github.com/pmpath/pmpath/internal/assessment"
	"github.com/pmpath/pmpath/internal/audit"
	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/i18n"
	"github.com/pmpath/pmpath/internal/progress"
	"github.com/pmpath/pmpath/internal/questionnaire"
	"github.com/pmpath/pmpath/internal/scoring"
	"github.com/pmpath/pmpath/seed"
)

// fakes holds what each of the services a Service reads from answers.
type fakes struct {
	q        *questionnaire.Questionnaire
	catalog  *catalog.Catalog
	user     *account.User
	mine     []*assessment.Assessment
	shares   []advising.Share
	profile  *advising.Profile
	marks    map[string]progress.Mark
	reads    []audit.Entry
	readsErr error
}

func (f *fakes) Version(_ context.Context, slug string, version int) (*questionnaire.Questionnaire, error) {
	if slug != f.q.Slug || version != f.q.Version {
		return nil, errs.E(errs.NotFound, "no questionnaire %s version %d", slug, version)
	}
	return f.q, nil
}
func (f *fakes) Mine(context.Context, string) ([]*assessment.Assessment, error) { return f.mine, nil }
func (f *fakes) Snapshot(context.Context) (*catalog.Snapshot, error) {
	return &catalog.Snapshot{Version: "v1", Catalog: f.catalog}, nil
}
func (f *fakes) Me(context.Context, *account.Principal) (*account.User, error) { return f.user, nil }
func (f *fakes) Shares(context.Context, *account.Principal) ([]advising.Share, error) {
	return f.shares, nil
}
func (f *fakes) Candidate(context.Context, *account.Principal, string) (*advising.Profile, error) {
	return f.profile, nil
}
func (f *fakes) Marks(context.Context, string) (map[string]progress.Mark, error) { return f.marks, nil }
func (f *fakes) About(context.Context, string) ([]audit.Entry, error)            { return f.reads, f.readsErr }

var exportedAt = time.Date(2026, 3, 1, 12, 0, 0, 0, time.FixedZone("JST", 9*3600))

func newFakes(t *testing.T) *fakes {
	t.Helper()
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	return &fakes{q: firstVersion(t), catalog: c, user: &account.User{ID: "u1", Email: "nao@example.com"}}
}

func (f *fakes) service() *Service {
	return NewService(Deps{Assessments: f, Catalogs: f, Accounts: f, Advising: f, Marks: f, StaffReads: f, Now: func() time.Time { return exportedAt }})
}

func TestExport(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 2, d, 0, 0, 0, 0, time.UTC) }
	a := &assessment.Assessment{ID: "a1", Questionnaire: "pm-pmo-fit", QuestionnaireVersion: 1, Status: assessment.Submitted, Result: &scoring.Result{RecommendedRole: "pmo-analyst"}}
	share := advising.Share{AdvisorID: "adv", AdvisorName: "Sato", CandidateID: "u1", CreatedAt: day(2)}
	read := audit.Entry{ID: 7, At: day(3), ActorRole: "advisor", Action: audit.ViewCandidate}
	marks := map[string]progress.Mark{
		"pmo-analyst-study-bok": {StepID: "pmo-analyst-study-bok", Status: progress.Learning, UpdatedAt: day(5)},
		"pm-assistant-minutes":  {StepID: "pm-assistant-minutes", Status: progress.Done, UpdatedAt: day(4)},
		"pmo-analyst-next-step": {StepID: "pmo-analyst-next-step", Status: progress.Skipped, UpdatedAt: day(6)},
	}
	tests := []struct {
		name  string
		setup func(f *fakes)
		want  func(f *fakes) *Export
	}{
		{"nothing yet", func(f *fakes) {}, func(f *fakes) *Export {
			return &Export{At: exportedAt.UTC(), Account: f.user, Progress: []progress.Mark{}}
		}},
		{"everything, progress by step id", func(f *fakes) {
			f.mine, f.shares, f.marks, f.reads = []*assessment.Assessment{a}, []advising.Share{share}, marks, []audit.Entry{read}
		}, func(f *fakes) *Export {
			return &Export{
				At: exportedAt.UTC(), Account: f.user, Assessments: []*assessment.Assessment{a}, Shares: []advising.Share{share},
				Progress:   []progress.Mark{marks["pm-assistant-minutes"], marks["pmo-analyst-next-step"], marks["pmo-analyst-study-bok"]},
				StaffReads: []audit.Entry{read},
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakes(t)
			tt.setup(f)
			got, err := f.service().Export(context.Background(), &account.Principal{UserID: "u1"})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want(f), got); diff != "" {
				t.Errorf("Export (-want +got):\n%s", diff)
			}
		})
	}

	f := newFakes(t)
	f.readsErr = errors.New("audit log unreachable")
	if _, err := f.service().Export(context.Background(), &account.Principal{UserID: "u1"}); !errors.Is(err, f.readsErr) {
		t.Errorf("Export with the audit log failing: err = %v, want it passed on", err)
	}
}

func TestRoadmap(t *testing.T) {
	marked := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	role := func(s string) *string { return &s }
	c, err := catalog.Load(seed.FS)
	if err != nil {
		t.Fatal(err)
	}
	analyst, _ := c.Role("pmo-analyst")
	all := func(r catalog.Role) []string {
		var ids []string
		for _, s := range r.Roadmap {
			ids = append(ids, s.ID)
		}
		return ids
	}
	// The latest result planned the analyst's last three steps.
	planned := all(analyst)[len(analyst.Roadmap)-3:]
	latest := &assessment.Assessment{ID: "a2", Status: assessment.Submitted, Result: &scoring.Result{Plan: scoring.Plan{TargetRole: "pmo-analyst", Steps: planned}}}
	refused := &assessment.Assessment{ID: "a3", Status: assessment.Submitted, Result: &scoring.Result{}}
	tests := []struct {
		name      string
		latest    *account.Latest
		mine      []*assessment.Assessment
		role      *string
		wantRole  string
		wantSteps []string
		fails     bool
		wantKind  errs.Kind
	}{
		{"the latest result's plan, the steps the result shows", &account.Latest{AssessmentID: "a2", Role: "pmo-analyst"}, []*assessment.Assessment{latest}, nil, "pmo-analyst", planned, false, 0},
		{"the role asked for, whole", &account.Latest{AssessmentID: "a2", Role: "pmo-analyst"}, []*assessment.Assessment{latest}, role("pm-assistant"), "pm-assistant", nil, false, 0},
		{"the role asked for, before any result", nil, nil, role("pm-assistant"), "pm-assistant", nil, false, 0},
		{"no result and no role", nil, nil, nil, "", nil, true, errs.NotFound},
		{"a refused result plans nothing", &account.Latest{AssessmentID: "a3"}, []*assessment.Assessment{refused}, nil, "", nil, true, errs.NotFound},
		{"an unknown role", nil, nil, role("astronaut"), "", nil, true, errs.Invalid},
		{"an empty role", &account.Latest{Role: "pmo-analyst"}, nil, role(""), "", nil, true, errs.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakes(t)
			f.user.Latest, f.mine = tt.latest, tt.mine
			r, _ := f.catalog.Role(tt.wantRole)
			ids := tt.wantSteps
			if ids == nil {
				ids = all(r)
			}
			if len(ids) > 1 {
				// The first step is done: the next is the second.
				f.marks = map[string]progress.Mark{ids[0]: {StepID: ids[0], Status: progress.Done, UpdatedAt: marked}}
			}
			got, err := f.service().Roadmap(context.Background(), &account.Principal{UserID: "u1"}, tt.role, i18n.EN)
			if tt.fails {
				if errs.KindOf(err) != tt.wantKind {
					t.Fatalf("err = %v (kind %s), want kind %s", err, errs.KindOf(err), tt.wantKind)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := &Roadmap{Role: RoleRef{Slug: r.Slug, Name: r.Name.EN}, NextStepID: ids[1], Steps: []RoadmapStep{}}
			keep := map[string]bool{}
			for _, id := range ids {
				keep[id] = true
			}
			for _, s := range r.Roadmap {
				if !keep[s.ID] {
					continue
				}
				step := RoadmapStep{Step: StepOf(s, i18n.EN), Status: progress.Pending}
				if s.ID == ids[0] {
					step.Status, step.UpdatedAt = progress.Done, &marked
				}
				want.Steps = append(want.Steps, step)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Roadmap (-want +got):\n%s", diff)
			}
		})
	}
}
