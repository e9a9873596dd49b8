-- Views and action items get versions of their own, so two people changing different items of
-- one meeting at once are both saved, and a change made against an older version of the same
-- item is refused (the server's If-Match). A change to an item still bumps its meeting's version,
-- which counts every change to the meeting record. An account's version counts changes to it
-- (password, disabled), so a client can tell that the account it shows has changed.
ALTER TABLE meeting_views ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE action_items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
