-- Review: the frozen submitted revision, comment threads, decisions and every status change.
-- Nothing here is edited in place: corrections and resolutions are new rows.

ALTER TABLE plans ADD COLUMN submitted_revision INT NULL;

CREATE TABLE review_comments (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    revision INT NOT NULL CHECK (revision >= 1),
    area_id VARCHAR(64) NULL,
    focus_point_id BIGINT NULL,
    parent_id BIGINT NULL,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('comment', 'reply', 'resolution', 'correction')),
    author_id BIGINT NOT NULL,
    created_at CHAR(24) NOT NULL,
    body TEXT NOT NULL,
    KEY review_comments_by_plan (plan_id, id),
    CONSTRAINT review_comments_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
    CONSTRAINT review_comments_parent FOREIGN KEY (parent_id) REFERENCES review_comments (id),
    CONSTRAINT review_comments_author FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE plan_decisions (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    revision INT NOT NULL CHECK (revision >= 1),
    outcome VARCHAR(16) NOT NULL CHECK (outcome IN ('noted', 'endorsed', 'returned')),
    decided_on CHAR(10) NOT NULL,
    meeting_ref VARCHAR(255) NOT NULL DEFAULT '',
    note TEXT NOT NULL,
    recorded_by BIGINT NOT NULL,
    recorded_at CHAR(24) NOT NULL,
    KEY plan_decisions_by_plan (plan_id, id),
    CONSTRAINT plan_decisions_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
    CONSTRAINT plan_decisions_recorder FOREIGN KEY (recorded_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE plan_status_changes (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id BIGINT NOT NULL,
    from_status VARCHAR(16) NOT NULL,
    to_status VARCHAR(16) NOT NULL,
    revision INT NOT NULL,
    actor_id BIGINT NOT NULL,
    changed_at CHAR(24) NOT NULL,
    KEY plan_status_changes_by_plan (plan_id, id),
    CONSTRAINT plan_status_changes_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
    CONSTRAINT plan_status_changes_actor FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
