-- SQLite twin of migrations/postgres/00002_assessments.sql.
-- Questionnaire versions and people's assessments, with the idempotency
-- records that make retried creates and submits safe.

-- +goose Up
CREATE TABLE questionnaires (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    definition   TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TIMESTAMP NOT NULL,
    UNIQUE (slug, version)
);

CREATE TABLE assessments (
    id                    TEXT PRIMARY KEY,
    questionnaire_slug    TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    token_hash            TEXT NOT NULL,
    answers               TEXT NOT NULL,
    result                TEXT,
    scoring_version       TEXT,
    recommended_role      TEXT,
    lean                  TEXT,
    fit                   INTEGER,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL,
    submitted_at          TIMESTAMP,
    FOREIGN KEY (questionnaire_slug, questionnaire_version) REFERENCES questionnaires (slug, version)
);
CREATE INDEX assessments_submitted_idx ON assessments (questionnaire_slug, questionnaire_version, submitted_at)
    WHERE status = 'submitted';

-- The key itself is never stored, only a hash; the row is written in the
-- same transaction as the assessment it points to.
CREATE TABLE idempotency_keys (
    key_hash      TEXT PRIMARY KEY,
    request_hash  TEXT NOT NULL,
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    token         TEXT NOT NULL,
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;
DROP TABLE assessments;
DROP TABLE questionnaires;
