-- Sign-in attempts in flight: stored before the password is checked, so attempts sent at once
-- each see the others and together get no more password checks than attempts sent one by one.
-- An attempt's row goes when it ends; it becomes a row of sign_in_failures only if the password
-- was wrong. A row left by a process that died is ignored after a minute and removed later.
CREATE TABLE sign_in_attempts (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    username VARCHAR(200) NOT NULL,
    started_at CHAR(24) NOT NULL,
    INDEX sign_in_attempts_by_username (username, started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
