-- Programmes gain objectives and the financial year they report in (the year their period ends).
-- Readings cover a period (a month, a quarter or the whole programme); a correction is a newer
-- reading for the same period and supersedes it, the old one stays as history. Each indicator
-- keeps its achieved value (outputs: the sum over periods; outcomes: the latest period) so that
-- dashboards aggregate over indicators, not over millions of readings.

ALTER TABLE programmes
    ADD COLUMN objectives_zh TEXT NOT NULL DEFAULT '',
    ADD COLUMN objectives_en TEXT NOT NULL DEFAULT '',
    ADD COLUMN financial_year CHAR(7) NOT NULL DEFAULT '';

UPDATE programmes SET financial_year = CASE
    WHEN SUBSTRING(period_end, 6, 2) >= '04'
        THEN CONCAT(SUBSTRING(period_end, 1, 4), '-', LPAD(MOD(SUBSTRING(period_end, 1, 4) + 1, 100), 2, '0'))
    ELSE CONCAT(SUBSTRING(period_end, 1, 4) - 1, '-', SUBSTRING(period_end, 3, 2))
END;

CREATE INDEX programmes_by_year ON programmes (financial_year);

ALTER TABLE readings ADD COLUMN is_current TINYINT NOT NULL DEFAULT 1;

UPDATE readings SET is_current = 0 WHERE EXISTS (
    SELECT 1 FROM readings n WHERE n.indicator_id = readings.indicator_id
        AND n.period_start = readings.period_start AND n.period_end = readings.period_end AND n.id > readings.id);

CREATE INDEX readings_by_period ON readings (indicator_id, period_start, period_end);

ALTER TABLE indicators ADD COLUMN actual DOUBLE NULL;

UPDATE indicators SET actual = CASE WHEN kind = 'output'
    THEN (SELECT SUM(r.value) FROM readings r WHERE r.indicator_id = indicators.id AND r.is_current = 1)
    ELSE (SELECT r.value FROM readings r WHERE r.indicator_id = indicators.id AND r.is_current = 1
          ORDER BY r.period_end DESC, r.id DESC LIMIT 1)
END;

-- Covers the achievement queries: they read only these columns of every indicator.
CREATE INDEX indicators_achievement ON indicators (programme_id, kind, target, actual);
