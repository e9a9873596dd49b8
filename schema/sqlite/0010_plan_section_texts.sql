-- A plan section's texts besides its objective (the objective keeps its columns in plan_sections).
-- One row per text that has something in it, keyed by its section_texts key (host/domain/
-- section_texts.hpp), so a new kind of section text needs no migration of its own.
CREATE TABLE plan_section_texts (
    section_id INTEGER NOT NULL REFERENCES plan_sections (id) ON DELETE CASCADE,
    text_key TEXT NOT NULL CHECK (length(text_key) BETWEEN 1 AND 32),
    text_zh TEXT NOT NULL DEFAULT '',
    text_en TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (section_id, text_key)
);
