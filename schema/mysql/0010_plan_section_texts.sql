-- A plan section's texts besides its objective (the objective keeps its columns in plan_sections).
-- One row per text that has something in it, keyed by its section_texts key (host/domain/
-- section_texts.hpp), so a new kind of section text needs no migration of its own.
CREATE TABLE plan_section_texts (
    section_id BIGINT NOT NULL,
    text_key VARCHAR(32) NOT NULL,
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL,
    PRIMARY KEY (section_id, text_key),
    CONSTRAINT plan_section_texts_section FOREIGN KEY (section_id) REFERENCES plan_sections (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
