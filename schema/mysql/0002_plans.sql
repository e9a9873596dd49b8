-- The annual district welfare plan, its sections and focus points, and every saved revision.

CREATE TABLE plans (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    district_id BIGINT NOT NULL,
    financial_year CHAR(7) NOT NULL CHECK (financial_year REGEXP '^[0-9]{4}-[0-9]{2}$'),
    paper_no VARCHAR(64) NOT NULL DEFAULT '',
    theme_zh TEXT NOT NULL,
    theme_en TEXT NOT NULL,
    purpose_zh TEXT NOT NULL,
    purpose_en TEXT NOT NULL,
    advice_zh TEXT NOT NULL,
    advice_en TEXT NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'under_review', 'noted', 'endorsed', 'returned')),
    version INT NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at CHAR(24) NOT NULL,
    updated_at CHAR(24) NOT NULL,
    -- Several drafts of the same district and year may exist (an import never overwrites a plan).
    KEY plans_by_district_year (district_id, financial_year),
    CONSTRAINT plans_district FOREIGN KEY (district_id) REFERENCES districts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE plan_sections (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    area_id VARCHAR(64) NOT NULL,
    position INT NOT NULL,
    objective_zh TEXT NOT NULL,
    objective_en TEXT NOT NULL,
    UNIQUE KEY plan_sections_area (plan_id, area_id),
    CONSTRAINT plan_sections_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE focus_points (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    section_id BIGINT NOT NULL,
    position INT NOT NULL,
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL,
    KEY focus_points_by_section (section_id, position),
    CONSTRAINT focus_points_section FOREIGN KEY (section_id) REFERENCES plan_sections (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE focus_point_sectors (
    focus_point_id BIGINT NOT NULL,
    sector VARCHAR(32) NOT NULL,
    PRIMARY KEY (focus_point_id, sector),
    KEY focus_point_sectors_by_sector (sector),
    CONSTRAINT focus_point_sectors_point FOREIGN KEY (focus_point_id) REFERENCES focus_points (id)
        ON DELETE CASCADE,
    CONSTRAINT focus_point_sectors_sector FOREIGN KEY (sector) REFERENCES sectors (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE plan_revisions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    number INT NOT NULL CHECK (number >= 1),
    author_id BIGINT NOT NULL,
    created_at CHAR(24) NOT NULL,
    reason TEXT NOT NULL,
    snapshot LONGTEXT NOT NULL,
    UNIQUE KEY plan_revisions_number (plan_id, number),
    CONSTRAINT plan_revisions_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
    CONSTRAINT plan_revisions_author FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
