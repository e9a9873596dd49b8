-- The audit log: one entry for every change made through the services, written in the same
-- transaction as the change. Entries are chained: each holds the SHA-256 of the one before, so
-- an edited, removed or inserted row breaks the chain and `dplan audit verify` finds it.

CREATE TABLE audit_log (
    sequence BIGINT PRIMARY KEY,
    recorded_at CHAR(24) NOT NULL,
    actor_id BIGINT NULL,
    actor_name VARCHAR(200) NOT NULL,
    origin VARCHAR(200) NOT NULL,
    action VARCHAR(200) NOT NULL,
    object_type VARCHAR(40) NOT NULL,
    object_id VARCHAR(100) NOT NULL,
    changes LONGTEXT NOT NULL,
    previous_hash CHAR(64) NOT NULL,
    entry_hash CHAR(64) NOT NULL,
    INDEX audit_log_by_object (object_type, object_id, recorded_at),
    INDEX audit_log_by_time (recorded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- The chain's newest entry, in one row that every writer locks (SELECT ... FOR UPDATE) before it
-- adds an entry, so two writers can never chain onto the same predecessor; also catches entries
-- cut off the end.
CREATE TABLE audit_head (
    id INT PRIMARY KEY CHECK (id = 1),
    sequence BIGINT NOT NULL,
    entry_hash CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

INSERT INTO audit_head (id, sequence, entry_hash) VALUES (1, 0, '');
