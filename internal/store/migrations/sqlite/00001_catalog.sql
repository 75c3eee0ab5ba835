-- SQLite twin of migrations/postgres/00001_catalog.sql: INTEGER PRIMARY KEY is
-- the rowid alias, JSON is stored as TEXT.
-- The career catalog: certifications, roles, their aptitude weights, roadmap
-- steps and salary ranges. Localized text is stored as JSON objects
-- {"ja": ..., "en": ...} so a language can be added without a migration.

-- +goose Up
CREATE TABLE certifications (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    position      INTEGER NOT NULL,
    abbreviation  TEXT NOT NULL,
    track         TEXT NOT NULL,
    stage         TEXT NOT NULL,
    url           TEXT NOT NULL,
    name          TEXT NOT NULL,
    issuer        TEXT NOT NULL,
    summary       TEXT NOT NULL,
    format        TEXT NOT NULL,
    prerequisites TEXT NOT NULL,
    proves        TEXT NOT NULL,
    levels        TEXT NOT NULL,
    source_name   TEXT NOT NULL,
    source_url    TEXT NOT NULL,
    source_year   INTEGER NOT NULL
);

CREATE TABLE roles (
    id               INTEGER PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    position         INTEGER NOT NULL,
    track            TEXT NOT NULL,
    level            TEXT NOT NULL,
    name             TEXT NOT NULL,
    summary          TEXT NOT NULL,
    responsibilities TEXT NOT NULL
);

CREATE TABLE role_weights (
    role_id   INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    position  INTEGER NOT NULL,
    weight    INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
    rationale TEXT NOT NULL,
    PRIMARY KEY (role_id, dimension)
);

-- Step ids are stable across catalog edits: progress is recorded against them.
CREATE TABLE roadmap_steps (
    id         TEXT PRIMARY KEY,
    role_id    INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    stage      TEXT NOT NULL,
    title      TEXT NOT NULL,
    detail     TEXT NOT NULL,
    experience TEXT NOT NULL,
    months     INTEGER NOT NULL
);
CREATE INDEX roadmap_steps_role_idx ON roadmap_steps (role_id, position);

CREATE TABLE roadmap_step_certifications (
    step_id          TEXT NOT NULL REFERENCES roadmap_steps (id) ON DELETE CASCADE,
    certification_id INTEGER NOT NULL REFERENCES certifications (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    PRIMARY KEY (step_id, certification_id)
);
CREATE INDEX roadmap_step_certifications_cert_idx ON roadmap_step_certifications (certification_id);

CREATE TABLE salary_ranges (
    id          INTEGER PRIMARY KEY,
    role_id     INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    min_jpy     INTEGER NOT NULL,
    max_jpy     INTEGER,
    estimate    BOOLEAN NOT NULL,
    note        TEXT,
    source_name TEXT NOT NULL,
    source_url  TEXT NOT NULL,
    source_year INTEGER NOT NULL,
    CHECK (max_jpy IS NULL OR max_jpy >= min_jpy)
);
CREATE INDEX salary_ranges_role_idx ON salary_ranges (role_id, position);

-- One row: the content hash of the seeded catalog, so seeding an unchanged
-- catalog writes nothing and readers can tell when it changed.
CREATE TABLE catalog_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    version   TEXT NOT NULL,
    seeded_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE catalog_state;
DROP TABLE salary_ranges;
DROP TABLE roadmap_step_certifications;
DROP TABLE roadmap_steps;
DROP TABLE role_weights;
DROP TABLE roles;
DROP TABLE certifications;
