-- Sign-in attempts in flight: stored before the password is checked, so attempts sent at once
-- each see the others and together get no more password checks than attempts sent one by one.
-- An attempt's row goes when it ends; it becomes a row of sign_in_failures only if the password
-- was wrong. A row left by a process that died is ignored after a minute and removed later.
CREATE TABLE sign_in_attempts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    started_at TEXT NOT NULL
);

CREATE INDEX sign_in_attempts_by_username ON sign_in_attempts (username, started_at);
