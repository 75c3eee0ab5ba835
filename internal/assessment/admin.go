package assessment

import (
	"context"
	"errors"

	"github.com/pmpath/pmpath/internal/datafile"
	"github.com/pmpath/pmpath/internal/errs"
	"github.com/pmpath/pmpath/internal/psychometrics"
	"github.com/pmpath/pmpath/internal/questionnaire"
)

// AllVersions lists every published version of every questionnaire.
func (s *Service) AllVersions(ctx context.Context) ([]*questionnaire.Questionnaire, error) {
	all, err := s.store.Questionnaires(ctx)
	if err != nil {
		return nil, err
	}
	s.qs.replace(all)
	return all, nil
}

// PublishUpload validates an uploaded questionnaire file and publishes it
// as a new version. A version that exists already is a Conflict, whatever
// its content: published versions are immutable.
func (s *Service) PublishUpload(ctx context.Context, data []byte) (*questionnaire.Questionnaire, error) {
	q, err := questionnaire.Parse("upload", data)
	if err != nil {
		// The problems name fields of the file in the loader's terms,
		// which stay English; the sentence around them is translated.
		list := err.Error()
		var ps datafile.Problems
		if errors.As(err, &ps) {
			list = ps.List()
		}
		return nil, errs.Wrap(errs.Invalid, err, "the questionnaire definition has problems:\n%s", list)
	}
	snap, err := s.catalogs.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkAgainstCatalog(q, snap.Catalog); err != nil {
		return nil, err
	}
	if existing, err := s.Version(ctx, q.Slug, q.Version); err == nil && existing != nil {
		return nil, errs.E(errs.Conflict, "%s version %d is already published; upload it as a new version", q.Slug, q.Version)
	}
	created, err := s.store.PublishQuestionnaire(ctx, q, ContentHash(q), s.now())
	if err != nil {
		return nil, err
	}
	if !created {
		return nil, errs.E(errs.Conflict, "%s version %d is already published; upload it as a new version", q.Slug, q.Version)
	}
	return q, s.refresh(ctx)
}

// Stats computes instrument statistics for one questionnaire version over
// its submitted responses: item means and spread, and Cronbach's alpha per
// dimension.
func (s *Service) Stats(ctx context.Context, slug string, version int) (*questionnaire.Questionnaire, psychometrics.Stats, error) {
	var q *questionnaire.Questionnaire
	var err error
	if version == 0 {
		q, err = s.Questionnaire(ctx, slug)
	} else {
		q, err = s.Version(ctx, slug, version)
	}
	if err != nil {
		return nil, psychometrics.Stats{}, err
	}
	var items []psychometrics.Item
	for _, it := range q.Items {
		if it.Type == questionnaire.Likert {
			items = append(items, psychometrics.Item{ID: it.ID, Dimension: string(it.Dimension), Reverse: it.Reverse})
		}
	}
	answers, err := s.store.SubmittedAnswers(ctx, q.Slug, q.Version)
	if err != nil {
		return nil, psychometrics.Stats{}, err
	}
	responses := make([]psychometrics.Response, len(answers))
	for i, a := range answers {
		responses[i] = psychometrics.Response(a)
	}
	st, err := psychometrics.Compute(items, responses)
	if err != nil {
		// Stored answers were validated on the way in: this is corrupt data.
		return nil, psychometrics.Stats{}, errs.Wrap(errs.Internal, err, "")
	}
	return q, st, nil
}
