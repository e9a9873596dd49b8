-- Who takes part: sectors, districts, organisations and the people who sign in.
-- utf8mb4_unicode_520_ci: every CJK ideograph (including those beyond the BMP) sorts and compares
-- as itself; Latin text compares case-insensitively.

CREATE TABLE sectors (
    code VARCHAR(32) PRIMARY KEY,
    position INT NOT NULL,
    name_zh VARCHAR(100) NOT NULL,
    name_en VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

INSERT INTO sectors (code, position, name_zh, name_en) VALUES
    ('ngo', 1, '非政府機構', 'NGOs'),
    ('health', 2, '醫護界', 'Health'),
    ('education', 3, '教育界', 'Education'),
    ('business', 4, '商界', 'Business'),
    ('district_group', 5, '地區團體', 'District groups'),
    ('government', 6, '政府部門', 'Government'),
    ('resident', 7, '居民', 'Residents');

CREATE TABLE districts (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    code VARCHAR(64) NOT NULL UNIQUE,
    name_zh VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE organisations (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name_zh VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NOT NULL,
    sector VARCHAR(32) NOT NULL,
    UNIQUE KEY organisations_names (name_zh, name_en),
    KEY organisations_by_sector (sector),
    CONSTRAINT organisations_sector FOREIGN KEY (sector) REFERENCES sectors (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE users (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(64) NOT NULL UNIQUE,
    display_name VARCHAR(200) NOT NULL,
    role VARCHAR(32) NOT NULL
        CHECK (role IN ('admin', 'officer', 'committee_member', 'ngo', 'viewer', 'system')),
    district_id BIGINT NULL,
    organisation_id BIGINT NULL,
    -- argon2id hash in libsodium's crypto_pwhash_str form; NULL: this account cannot sign in.
    password_hash VARCHAR(255) NULL,
    created_at CHAR(24) NOT NULL,
    CONSTRAINT users_district FOREIGN KEY (district_id) REFERENCES districts (id),
    CONSTRAINT users_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- The account that authors what local tools do (demo data, imports run from the shell).
INSERT INTO users (id, username, display_name, role, created_at)
    VALUES (1, 'system', 'District Planner', 'system', '1970-01-01T00:00:00.000Z');
