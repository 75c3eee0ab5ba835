-- Accounts, sessions, sharing with advisors, advisor notes, roadmap progress,
-- the audit log of staff reads, and server-generated keys.

-- +goose Up
CREATE TABLE users (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('candidate', 'advisor', 'recruiter', 'admin')),
    display_name        TEXT NOT NULL,
    discoverable        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    -- The latest submitted result, kept here so advisor and recruiter
    -- listings are one indexed query.
    latest_assessment_id TEXT,
    latest_role         TEXT NOT NULL DEFAULT '',
    latest_lean         TEXT NOT NULL DEFAULT '',
    latest_fit          INTEGER NOT NULL DEFAULT -1,
    latest_submitted_at TIMESTAMPTZ
);
CREATE INDEX users_talent_fit_idx ON users (latest_fit DESC, id DESC) WHERE discoverable AND latest_assessment_id IS NOT NULL;

-- A session is one sign-in: its refresh tokens form one rotation family.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Refresh tokens are stored only as hashes; used_at marks a rotated one.
CREATE TABLE refresh_tokens (
    token_hash  TEXT PRIMARY KEY,
    session_id  TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

ALTER TABLE assessments ADD COLUMN owner_id TEXT REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX assessments_owner_idx ON assessments (owner_id, created_at);

CREATE TABLE shares (
    candidate_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    advisor_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (advisor_id, candidate_id)
);
CREATE INDEX shares_candidate_idx ON shares (candidate_id);

CREATE TABLE advisor_notes (
    id           TEXT PRIMARY KEY,
    advisor_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    candidate_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX advisor_notes_idx ON advisor_notes (advisor_id, candidate_id, created_at);

-- Progress is keyed by the stable step id, so catalog wording edits keep it.
CREATE TABLE roadmap_progress (
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    step_id    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('done', 'learning', 'pending', 'skipped')),
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, step_id)
);

-- Who among the staff read whose data, and when. subject_id is cleared when
-- the candidate erases their account; the entry itself stays.
CREATE TABLE audit_log (
    id         BIGSERIAL PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor_id   TEXT,
    actor_role TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject_id TEXT,
    detail     TEXT NOT NULL,
    request_id TEXT NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);

CREATE TABLE server_keys (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE server_keys;
DROP TABLE audit_log;
DROP TABLE roadmap_progress;
DROP TABLE advisor_notes;
DROP TABLE shares;
DROP INDEX assessments_owner_idx;
ALTER TABLE assessments DROP COLUMN owner_id;
DROP TABLE refresh_tokens;
DROP TABLE sessions;
DROP TABLE users;
