-- Which plan focus points a programme serves: the link that makes an objective measurable.

CREATE TABLE programme_focus_points (
    programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
    focus_point_id INTEGER NOT NULL REFERENCES focus_points (id) ON DELETE CASCADE,
    PRIMARY KEY (programme_id, focus_point_id)
);

CREATE INDEX programme_focus_points_by_point ON programme_focus_points (focus_point_id);
