-- An indicator's target may be "not stated": a report prints a figure without a percentage or a
-- target ("18節家長小組"). NULL says so; 0 still means "not applicable". SQLite cannot drop a
-- NOT NULL, so indicators is rebuilt. Foreign keys are on inside the migration's transaction, and
-- dropping indicators would cascade to readings, so readings is rebuilt first, onto the new
-- indicators table, and the old tables are dropped children first. Renaming the new tables back
-- updates the references between them.

CREATE TABLE indicators_0009 (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('output', 'outcome')),
    description_zh TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL,
    target REAL CHECK (target IS NULL OR target >= 0),
    catalogue_code TEXT,
    actual REAL,
    UNIQUE (programme_id, code)
);

INSERT INTO indicators_0009 (id, programme_id, code, kind, description_zh, description_en, unit, target, catalogue_code, actual)
    SELECT id, programme_id, code, kind, description_zh, description_en, unit, target, catalogue_code, actual FROM indicators;

CREATE TABLE readings_0009 (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators_0009 (id) ON DELETE CASCADE,
    value REAL NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES users (id),
    reported_at TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1
);

INSERT INTO readings_0009 (id, indicator_id, value, period_start, period_end, reported_by, reported_at, is_current)
    SELECT id, indicator_id, value, period_start, period_end, reported_by, reported_at, is_current FROM readings;

DROP TABLE readings;
DROP TABLE indicators;
ALTER TABLE indicators_0009 RENAME TO indicators;
ALTER TABLE readings_0009 RENAME TO readings;

-- The newest reading of each indicator is the one that counts.
CREATE INDEX readings_by_indicator ON readings (indicator_id, id);
CREATE INDEX readings_by_period ON readings (indicator_id, period_start, period_end);
-- Covers the achievement queries: they read only these columns of every indicator.
CREATE INDEX indicators_achievement ON indicators (programme_id, kind, target, actual);
