-- Questionnaire versions and people's assessments, with the idempotency
-- records that make retried creates and submits safe.

-- +goose Up
CREATE TABLE questionnaires (
    id           BIGSERIAL PRIMARY KEY,
    slug         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    definition   JSONB NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    UNIQUE (slug, version)
);

CREATE TABLE assessments (
    id                    TEXT PRIMARY KEY,
    questionnaire_slug    TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    token_hash            TEXT NOT NULL,
    answers               JSONB NOT NULL,
    result                JSONB,
    scoring_version       TEXT,
    recommended_role      TEXT,
    lean                  TEXT,
    fit                   INTEGER,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    submitted_at          TIMESTAMPTZ,
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
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- +goose Down
DROP TABLE idempotency_keys;
DROP TABLE assessments;
DROP TABLE questionnaires;
