-- The audit log: one entry for every change made through the services, written in the same
-- transaction as the change. Entries are chained: each holds the SHA-256 of the one before, so
-- an edited, removed or inserted row breaks the chain and `dplan audit verify` finds it.

CREATE TABLE audit_log (
    sequence INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    actor_id INTEGER,
    actor_name TEXT NOT NULL,
    origin TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    changes TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL CHECK (length(entry_hash) = 64)
);

CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id, recorded_at);
CREATE INDEX audit_log_by_time ON audit_log (recorded_at);

-- The chain's newest entry, in one row that every writer locks before it adds an entry, so two
-- writers can never chain onto the same predecessor; also catches entries cut off the end.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL,
    entry_hash TEXT NOT NULL
);

INSERT INTO audit_head (id, sequence, entry_hash) VALUES (1, 0, '');
