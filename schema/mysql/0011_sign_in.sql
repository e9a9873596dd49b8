-- Signing in to the collaboration server: disabled accounts, sessions and failed attempts.

-- A disabled account cannot sign in and its sessions end at once; its history stays.
ALTER TABLE users ADD COLUMN disabled TINYINT NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));

-- A session token is shown to its holder once; only its SHA-256 is stored, so a copy of the
-- database does not let anyone act as a signed-in user.
CREATE TABLE sessions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash CHAR(64) NOT NULL UNIQUE,
    user_id BIGINT NOT NULL,
    origin VARCHAR(200) NOT NULL,
    created_at CHAR(24) NOT NULL,
    last_seen_at CHAR(24) NOT NULL,
    expires_at CHAR(24) NOT NULL,
    revoked_at CHAR(24) NULL,
    CONSTRAINT sessions_user FOREIGN KEY (user_id) REFERENCES users (id),
    INDEX sessions_by_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- Failed sign-ins, kept in the database so every server process sees them: enough failures for
-- one username in a short time lock that account for a while.
CREATE TABLE sign_in_failures (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(200) NOT NULL,
    origin VARCHAR(200) NOT NULL,
    failed_at CHAR(24) NOT NULL,
    INDEX sign_in_failures_by_username (username, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
