-- Programmes run by organisations, their output (成果指標) and outcome (成效指標) indicators,
-- and the readings reported against them. A correction is a new reading; the history is kept.

CREATE TABLE programmes (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name_zh VARCHAR(255) NOT NULL,
    name_en VARCHAR(255) NOT NULL DEFAULT '',
    organisation_id BIGINT NULL,
    district_id BIGINT NULL,
    period_start CHAR(10) NOT NULL,
    period_end CHAR(10) NOT NULL,
    created_at CHAR(24) NOT NULL,
    UNIQUE KEY programmes_name (name_zh),
    CHECK (period_end >= period_start),
    CONSTRAINT programmes_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id),
    CONSTRAINT programmes_district FOREIGN KEY (district_id) REFERENCES districts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE programme_areas (
    programme_id BIGINT NOT NULL,
    area_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (programme_id, area_id),
    KEY programme_areas_by_area (area_id),
    CONSTRAINT programme_areas_programme FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE indicators (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    programme_id BIGINT NOT NULL,
    code VARCHAR(32) NOT NULL,
    kind VARCHAR(8) NOT NULL CHECK (kind IN ('output', 'outcome')),
    description_zh VARCHAR(500) NOT NULL DEFAULT '',
    description_en VARCHAR(500) NOT NULL DEFAULT '',
    unit VARCHAR(32) NOT NULL,
    target DOUBLE NOT NULL CHECK (target >= 0),
    catalogue_code VARCHAR(32) NULL,
    UNIQUE KEY indicators_code (programme_id, code),
    CONSTRAINT indicators_programme FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE readings (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    indicator_id BIGINT NOT NULL,
    value DOUBLE NOT NULL,
    period_start CHAR(10) NOT NULL,
    period_end CHAR(10) NOT NULL,
    reported_by BIGINT NOT NULL,
    reported_at CHAR(24) NOT NULL,
    -- The newest reading of each indicator is the one that counts.
    KEY readings_by_indicator (indicator_id, id),
    CONSTRAINT readings_indicator FOREIGN KEY (indicator_id) REFERENCES indicators (id) ON DELETE CASCADE,
    CONSTRAINT readings_reporter FOREIGN KEY (reported_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
