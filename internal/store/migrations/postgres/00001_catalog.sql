-- The career catalog: certifications, roles, their aptitude weights, roadmap
-- steps and salary ranges. Localized text is stored as JSON objects
-- {"ja": ..., "en": ...} so a language can be added without a migration.

-- +goose Up
CREATE TABLE certifications (
    id            BIGSERIAL PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    position      INTEGER NOT NULL,
    abbreviation  TEXT NOT NULL,
    track         TEXT NOT NULL,
    stage         TEXT NOT NULL,
    url           TEXT NOT NULL,
    name          JSONB NOT NULL,
    issuer        JSONB NOT NULL,
    summary       JSONB NOT NULL,
    format        JSONB NOT NULL,
    prerequisites JSONB NOT NULL,
    proves        JSONB NOT NULL,
    levels        JSONB NOT NULL,
    source_name   TEXT NOT NULL,
    source_url    TEXT NOT NULL,
    source_year   INTEGER NOT NULL
);

CREATE TABLE roles (
    id               BIGSERIAL PRIMARY KEY,
    slug             TEXT NOT NULL UNIQUE,
    position         INTEGER NOT NULL,
    track            TEXT NOT NULL,
    level            TEXT NOT NULL,
    name             JSONB NOT NULL,
    summary          JSONB NOT NULL,
    responsibilities JSONB NOT NULL
);

CREATE TABLE role_weights (
    role_id   BIGINT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    dimension TEXT NOT NULL,
    position  INTEGER NOT NULL,
    weight    INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 5),
    rationale JSONB NOT NULL,
    PRIMARY KEY (role_id, dimension)
);

-- Step ids are stable across catalog edits: progress is recorded against them.
CREATE TABLE roadmap_steps (
    id         TEXT PRIMARY KEY,
    role_id    BIGINT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    stage      TEXT NOT NULL,
    title      JSONB NOT NULL,
    detail     JSONB NOT NULL,
    experience JSONB NOT NULL,
    months     INTEGER NOT NULL
);
CREATE INDEX roadmap_steps_role_idx ON roadmap_steps (role_id, position);

CREATE TABLE roadmap_step_certifications (
    step_id          TEXT NOT NULL REFERENCES roadmap_steps (id) ON DELETE CASCADE,
    certification_id BIGINT NOT NULL REFERENCES certifications (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    PRIMARY KEY (step_id, certification_id)
);
CREATE INDEX roadmap_step_certifications_cert_idx ON roadmap_step_certifications (certification_id);

CREATE TABLE salary_ranges (
    id          BIGSERIAL PRIMARY KEY,
    role_id     BIGINT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       JSONB NOT NULL,
    min_jpy     BIGINT NOT NULL,
    max_jpy     BIGINT,
    estimate    BOOLEAN NOT NULL,
    note        JSONB,
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
    seeded_at TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE catalog_state;
DROP TABLE salary_ranges;
DROP TABLE roadmap_step_certifications;
DROP TABLE roadmap_steps;
DROP TABLE role_weights;
DROP TABLE roles;
DROP TABLE certifications;
