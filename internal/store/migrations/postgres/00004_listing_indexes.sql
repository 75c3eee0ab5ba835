-- Indexes for the advisor candidate listing, which reads the candidates
-- sharing with one advisor in fit or date order, a page at a time. With
-- them the planner walks users in listing order and stops after one page,
-- probing shares for each row, instead of joining every share of the
-- advisor and sorting the lot: the first page costs the same at a million
-- candidates as at ten thousand, and a keyset cursor (a row comparison,
-- see store/advising.go) starts a deep page at its place in the index.
-- The role and lean filters get an index each in fit order: a filter
-- whose matches all sit low in the fit order (a lean whose fits are
-- middling) would otherwise walk most of the fit index to fill a page.
-- The recruiter pool keeps users_talent_fit_idx.

-- +goose Up
CREATE INDEX users_listed_fit_idx ON users (latest_fit DESC, id DESC) WHERE latest_assessment_id IS NOT NULL;
CREATE INDEX users_listed_date_idx ON users (latest_submitted_at DESC, id DESC) WHERE latest_assessment_id IS NOT NULL;
CREATE INDEX users_listed_role_fit_idx ON users (latest_role, latest_fit DESC, id DESC) WHERE latest_assessment_id IS NOT NULL;
CREATE INDEX users_listed_lean_fit_idx ON users (latest_lean, latest_fit DESC, id DESC) WHERE latest_assessment_id IS NOT NULL;

-- +goose Down
DROP INDEX users_listed_lean_fit_idx;
DROP INDEX users_listed_role_fit_idx;
DROP INDEX users_listed_date_idx;
DROP INDEX users_listed_fit_idx;
