-- Programmes run by organisations, their output (成果指標) and outcome (成效指標) indicators,
-- and the readings reported against them. A correction is a new reading; the history is kept.

CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id),
    district_id INTEGER REFERENCES districts (id),
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (name_zh),
    CHECK (period_end >= period_start)
);

CREATE TABLE programme_areas (
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    PRIMARY KEY (programme_id, area_id)
);

CREATE INDEX programme_areas_by_area ON programme_areas (area_id);

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('output', 'outcome')),
    description_zh TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL,
    target REAL NOT NULL CHECK (target >= 0),
    catalogue_code TEXT,
    UNIQUE (programme_id, code)
);

CREATE TABLE readings (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    value REAL NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    reported_by INTEGER NOT NULL REFERENCES users (id),
    reported_at TEXT NOT NULL
);

-- The newest reading of each indicator is the one that counts.
CREATE INDEX readings_by_indicator ON readings (indicator_id, id);
