-- Counts a failed sign-in; the failure that reaches $2 in a row locks the account for $3 minutes. After a
-- lock has run out the count starts again from one. $1 user id. Returns the new count and lock.
UPDATE users
SET failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
    locked_until = CASE
      WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= $2
        THEN now() + make_interval(mins => $3)
      WHEN locked_until <= now() THEN NULL
      ELSE locked_until
    END
WHERE id = $1
RETURNING failed_logins, locked_until;
