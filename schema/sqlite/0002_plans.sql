-- The annual district welfare plan, its sections and focus points, and every saved revision.

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts (id),
    financial_year TEXT NOT NULL CHECK (financial_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    paper_no TEXT NOT NULL DEFAULT '',
    theme_zh TEXT NOT NULL DEFAULT '',
    theme_en TEXT NOT NULL DEFAULT '',
    purpose_zh TEXT NOT NULL DEFAULT '',
    purpose_en TEXT NOT NULL DEFAULT '',
    advice_zh TEXT NOT NULL DEFAULT '',
    advice_en TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'under_review', 'noted', 'endorsed', 'returned')),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Several drafts of the same district and year may exist (an import never overwrites a plan).
CREATE INDEX plans_by_district_year ON plans (district_id, financial_year);

CREATE TABLE plan_sections (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    area_id TEXT NOT NULL CHECK (length(area_id) BETWEEN 1 AND 64),
    position INTEGER NOT NULL,
    objective_zh TEXT NOT NULL DEFAULT '',
    objective_en TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, area_id)
);

CREATE TABLE focus_points (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES plan_sections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text_zh TEXT NOT NULL DEFAULT '',
    text_en TEXT NOT NULL DEFAULT ''
);

CREATE INDEX focus_points_by_section ON focus_points (section_id, position);

CREATE TABLE focus_point_sectors (
    focus_point_id INTEGER NOT NULL REFERENCES focus_points (id) ON DELETE CASCADE,
    sector TEXT NOT NULL REFERENCES sectors (code),
    PRIMARY KEY (focus_point_id, sector)
);

CREATE INDEX focus_point_sectors_by_sector ON focus_point_sectors (sector);

CREATE TABLE plan_revisions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number >= 1),
    author_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    UNIQUE (plan_id, number)
);
