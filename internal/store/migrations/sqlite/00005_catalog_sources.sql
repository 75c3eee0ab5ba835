-- SQLite twin of migrations/postgres/00005_catalog_sources.sql: JSON is stored
-- as TEXT.
-- Sources behind every catalog fact: a certification's schedule, fee and
-- structured eligibility, the sources that back each of its facts (with the
-- date each was last checked) and the facts no issuer page confirmed; for a
-- salary range, the kind of its source, the day it was checked, its sample
-- and the report it was checked through. Roadmap steps say whether they are
-- a step, a next role or an exit, and which shared step they are.
-- The old source_name/source_url/source_year columns of certifications keep
-- the first (issuer) source.

-- +goose Up
ALTER TABLE certifications ADD COLUMN schedule TEXT NOT NULL DEFAULT '{}';
ALTER TABLE certifications ADD COLUMN fee TEXT NOT NULL DEFAULT '{}';
ALTER TABLE certifications ADD COLUMN eligibility TEXT;
ALTER TABLE certifications ADD COLUMN sources TEXT NOT NULL DEFAULT '[]';
ALTER TABLE certifications ADD COLUMN unconfirmed TEXT NOT NULL DEFAULT '[]';

ALTER TABLE roadmap_steps ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE roadmap_steps ADD COLUMN shared TEXT NOT NULL DEFAULT '';
ALTER TABLE roadmap_steps ADD COLUMN next_roles TEXT NOT NULL DEFAULT '[]';

ALTER TABLE salary_ranges ADD COLUMN source_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE salary_ranges ADD COLUMN source_checked TEXT NOT NULL DEFAULT '';
ALTER TABLE salary_ranges ADD COLUMN source_sample INTEGER NOT NULL DEFAULT 0;
ALTER TABLE salary_ranges ADD COLUMN source_via TEXT;

-- +goose Down
ALTER TABLE salary_ranges DROP COLUMN source_via;
ALTER TABLE salary_ranges DROP COLUMN source_sample;
ALTER TABLE salary_ranges DROP COLUMN source_checked;
ALTER TABLE salary_ranges DROP COLUMN source_kind;

ALTER TABLE roadmap_steps DROP COLUMN next_roles;
ALTER TABLE roadmap_steps DROP COLUMN shared;
ALTER TABLE roadmap_steps DROP COLUMN kind;

ALTER TABLE certifications DROP COLUMN unconfirmed;
ALTER TABLE certifications DROP COLUMN sources;
ALTER TABLE certifications DROP COLUMN eligibility;
ALTER TABLE certifications DROP COLUMN fee;
ALTER TABLE certifications DROP COLUMN schedule;
