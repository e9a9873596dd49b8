-- An indicator's target may be "not stated": a report prints a figure without a percentage or a
-- target ("18節家長小組"). NULL says so; 0 still means "not applicable". MODIFY replaces the whole
-- column definition, so its CHECK is written again; it lets NULL through.

ALTER TABLE indicators MODIFY target DOUBLE NULL CHECK (target >= 0);
