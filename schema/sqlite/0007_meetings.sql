-- Stakeholders, meetings (agenda, attendance, minutes), the views raised in them and what was
-- done about each, decisions and action items.

CREATE TABLE stakeholders (
    id INTEGER PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id),
    sector TEXT NOT NULL REFERENCES sectors (code),
    email TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL REFERENCES districts (id),
    plan_id INTEGER REFERENCES plans (id),
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL CHECK (kind IN ('planning_meeting', 'committee_meeting', 'working_group', 'seminar',
                                       'consultation_session')),
    starts_at TEXT NOT NULL,  -- local time YYYY-MM-DDTHH:MM in time_zone
    ends_at TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'Asia/Hong_Kong',
    venue TEXT NOT NULL DEFAULT '',
    online_link TEXT NOT NULL DEFAULT '',
    chair_id INTEGER REFERENCES stakeholders (id),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    CHECK (ends_at >= starts_at)
);

CREATE INDEX meetings_by_plan ON meetings (plan_id);
CREATE INDEX meetings_by_district ON meetings (district_id, starts_at);

CREATE TABLE meeting_attendees (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    stakeholder_id INTEGER NOT NULL REFERENCES stakeholders (id),
    attendance TEXT NOT NULL DEFAULT 'invited' CHECK (attendance IN ('invited', 'present', 'apologies', 'absent')),
    PRIMARY KEY (meeting_id, stakeholder_id)
);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    area_id TEXT,
    focus_point_id INTEGER REFERENCES focus_points (id),
    minutes TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, position)
);

CREATE TABLE meeting_views (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_items (id),
    stakeholder_id INTEGER REFERENCES stakeholders (id),
    organisation_id INTEGER REFERENCES organisations (id),
    sector TEXT REFERENCES sectors (code),
    area_id TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed', 'not_adopted')),
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX meeting_views_by_meeting ON meeting_views (meeting_id);

-- What responds to a view: a focus point, or a revision of a plan.
CREATE TABLE view_responses (
    id INTEGER PRIMARY KEY,
    view_id INTEGER NOT NULL REFERENCES meeting_views (id) ON DELETE CASCADE,
    focus_point_id INTEGER REFERENCES focus_points (id),
    plan_id INTEGER REFERENCES plans (id),
    revision INTEGER,
    CHECK (focus_point_id IS NOT NULL OR (plan_id IS NOT NULL AND revision IS NOT NULL))
);

CREATE TABLE meeting_decisions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    plan_id INTEGER REFERENCES plans (id),
    plan_outcome TEXT CHECK (plan_outcome IN ('noted', 'endorsed', 'returned')),
    created_at TEXT NOT NULL
);

CREATE TABLE action_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    owner_id INTEGER REFERENCES stakeholders (id),
    due_date TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    created_at TEXT NOT NULL
);

CREATE INDEX action_items_by_due ON action_items (status, due_date);
