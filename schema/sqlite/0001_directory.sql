-- Who takes part: sectors, districts, organisations and the people who sign in.

CREATE TABLE sectors (
    code TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

INSERT INTO sectors (code, position, name_zh, name_en) VALUES
    ('ngo', 1, '非政府機構', 'NGOs'),
    ('health', 2, '醫護界', 'Health'),
    ('education', 3, '教育界', 'Education'),
    ('business', 4, '商界', 'Business'),
    ('district_group', 5, '地區團體', 'District groups'),
    ('government', 6, '政府部門', 'Government'),
    ('resident', 7, '居民', 'Residents');

CREATE TABLE districts (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sector TEXT NOT NULL REFERENCES sectors (code),
    UNIQUE (name_zh, name_en)
);

CREATE INDEX organisations_by_sector ON organisations (sector);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 64),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL
        CHECK (role IN ('admin', 'officer', 'committee_member', 'ngo', 'viewer', 'system')),
    district_id INTEGER REFERENCES districts (id),
    organisation_id INTEGER REFERENCES organisations (id),
    -- argon2id hash in libsodium's crypto_pwhash_str form; NULL: this account cannot sign in.
    password_hash TEXT,
    created_at TEXT NOT NULL
);

-- The account that authors what local tools do (demo data, imports run from the shell).
INSERT INTO users (id, username, display_name, role, created_at)
    VALUES (1, 'system', 'District Planner', 'system', '1970-01-01T00:00:00.000Z');
