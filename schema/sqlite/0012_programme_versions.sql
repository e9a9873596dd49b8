-- A programme's version, bumped by every change to it or to its indicators, so a change made
-- against an older version is refused instead of overwriting someone else's (the server's
-- If-Match). Views and action items carry their meeting's version (meetings.version).
ALTER TABLE programmes ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
