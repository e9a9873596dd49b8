-- Stakeholders, meetings (agenda, attendance, minutes), the views raised in them and what was
-- done about each, decisions and action items.

CREATE TABLE stakeholders (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name_zh VARCHAR(255) NOT NULL,
    name_en VARCHAR(255) NOT NULL DEFAULT '',
    organisation_id BIGINT NULL,
    sector VARCHAR(32) NOT NULL,
    email VARCHAR(255) NOT NULL DEFAULT '',
    created_at CHAR(24) NOT NULL,
    CONSTRAINT stakeholders_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT stakeholders_sector FOREIGN KEY (sector) REFERENCES sectors (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE meetings (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    district_id BIGINT NOT NULL,
    plan_id BIGINT NULL,
    title_zh VARCHAR(255) NOT NULL,
    title_en VARCHAR(255) NOT NULL DEFAULT '',
    kind VARCHAR(32) NOT NULL CHECK (kind IN ('planning_meeting', 'committee_meeting', 'working_group', 'seminar',
                                              'consultation_session')),
    starts_at CHAR(16) NOT NULL,
    ends_at CHAR(16) NOT NULL,
    time_zone VARCHAR(64) NOT NULL DEFAULT 'Asia/Hong_Kong',
    venue VARCHAR(255) NOT NULL DEFAULT '',
    online_link VARCHAR(1024) NOT NULL DEFAULT '',
    chair_id BIGINT NULL,
    version INT NOT NULL DEFAULT 1,
    created_at CHAR(24) NOT NULL,
    CHECK (ends_at >= starts_at),
    KEY meetings_by_plan (plan_id),
    KEY meetings_by_district (district_id, starts_at),
    CONSTRAINT meetings_district FOREIGN KEY (district_id) REFERENCES districts (id),
    CONSTRAINT meetings_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
    CONSTRAINT meetings_chair FOREIGN KEY (chair_id) REFERENCES stakeholders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE meeting_attendees (
    meeting_id BIGINT NOT NULL,
    stakeholder_id BIGINT NOT NULL,
    attendance VARCHAR(16) NOT NULL DEFAULT 'invited' CHECK (attendance IN ('invited', 'present', 'apologies', 'absent')),
    PRIMARY KEY (meeting_id, stakeholder_id),
    CONSTRAINT attendees_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT attendees_stakeholder FOREIGN KEY (stakeholder_id) REFERENCES stakeholders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE agenda_items (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id BIGINT NOT NULL,
    position INT NOT NULL,
    title_zh VARCHAR(512) NOT NULL,
    title_en VARCHAR(512) NOT NULL DEFAULT '',
    area_id VARCHAR(64) NULL,
    focus_point_id BIGINT NULL,
    minutes TEXT NOT NULL,
    UNIQUE KEY agenda_items_position (meeting_id, position),
    CONSTRAINT agenda_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT agenda_focus_point FOREIGN KEY (focus_point_id) REFERENCES focus_points (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE meeting_views (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id BIGINT NOT NULL,
    agenda_item_id BIGINT NULL,
    stakeholder_id BIGINT NULL,
    organisation_id BIGINT NULL,
    sector VARCHAR(32) NULL,
    area_id VARCHAR(64) NOT NULL,
    text TEXT NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed', 'not_adopted')),
    reason TEXT NOT NULL,
    created_at CHAR(24) NOT NULL,
    updated_at CHAR(24) NOT NULL,
    KEY meeting_views_by_meeting (meeting_id),
    CONSTRAINT views_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT views_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id),
    CONSTRAINT views_stakeholder FOREIGN KEY (stakeholder_id) REFERENCES stakeholders (id),
    CONSTRAINT views_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT views_sector FOREIGN KEY (sector) REFERENCES sectors (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE view_responses (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    view_id BIGINT NOT NULL,
    focus_point_id BIGINT NULL,
    plan_id BIGINT NULL,
    revision INT NULL,
    CHECK (focus_point_id IS NOT NULL OR (plan_id IS NOT NULL AND revision IS NOT NULL)),
    CONSTRAINT responses_view FOREIGN KEY (view_id) REFERENCES meeting_views (id) ON DELETE CASCADE,
    CONSTRAINT responses_focus_point FOREIGN KEY (focus_point_id) REFERENCES focus_points (id),
    CONSTRAINT responses_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE meeting_decisions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id BIGINT NOT NULL,
    text TEXT NOT NULL,
    plan_id BIGINT NULL,
    plan_outcome VARCHAR(16) NULL CHECK (plan_outcome IN ('noted', 'endorsed', 'returned')),
    created_at CHAR(24) NOT NULL,
    CONSTRAINT decisions_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT decisions_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE action_items (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    meeting_id BIGINT NOT NULL,
    description TEXT NOT NULL,
    owner_id BIGINT NULL,
    due_date CHAR(10) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
    created_at CHAR(24) NOT NULL,
    KEY action_items_by_due (status, due_date),
    CONSTRAINT actions_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT actions_owner FOREIGN KEY (owner_id) REFERENCES stakeholders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
