-- Signing in to the collaboration server: disabled accounts, sessions and failed attempts.

-- A disabled account cannot sign in and its sessions end at once; its history stays.
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));

-- A session token is shown to its holder once; only its SHA-256 is stored, so a copy of the
-- database does not let anyone act as a signed-in user.
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
    user_id INTEGER NOT NULL REFERENCES users (id),
    origin TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins, kept in the database so every server process sees them: enough failures for
-- one username in a short time lock that account for a while.
CREATE TABLE sign_in_failures (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    origin TEXT NOT NULL,
    failed_at TEXT NOT NULL
);

CREATE INDEX sign_in_failures_by_username ON sign_in_failures (username, failed_at);
