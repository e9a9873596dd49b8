-- Review: the frozen submitted revision, comment threads, decisions and every status change.
-- Nothing here is edited in place: corrections and resolutions are new rows.

ALTER TABLE plans ADD COLUMN submitted_revision INTEGER;

CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    area_id TEXT,
    focus_point_id INTEGER,
    parent_id INTEGER REFERENCES review_comments (id),
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'resolution', 'correction')),
    author_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    body TEXT NOT NULL CHECK (length(body) >= 1)
);

CREATE INDEX review_comments_by_plan ON review_comments (plan_id, id);

CREATE TABLE plan_decisions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    outcome TEXT NOT NULL CHECK (outcome IN ('noted', 'endorsed', 'returned')),
    decided_on TEXT NOT NULL,
    meeting_ref TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_by INTEGER NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL
);

CREATE INDEX plan_decisions_by_plan ON plan_decisions (plan_id, id);

CREATE TABLE plan_status_changes (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES users (id),
    changed_at TEXT NOT NULL
);

CREATE INDEX plan_status_changes_by_plan ON plan_status_changes (plan_id, id);
