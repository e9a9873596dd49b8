-- Which plan focus points a programme serves: the link that makes an objective measurable.

CREATE TABLE programme_focus_points (
    programme_id BIGINT NOT NULL,
    focus_point_id BIGINT NOT NULL,
    PRIMARY KEY (programme_id, focus_point_id),
    KEY programme_focus_points_by_point (focus_point_id),
    CONSTRAINT programme_focus_points_programme FOREIGN KEY (programme_id) REFERENCES programmes (id) ON DELETE CASCADE,
    CONSTRAINT programme_focus_points_point FOREIGN KEY (focus_point_id) REFERENCES focus_points (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
