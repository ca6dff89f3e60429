-- Counts a sign-in attempt before its password is checked, so parallel guesses cannot outrun the lock: the
-- attempt that reaches $2 in a row locks the account for $3 minutes, and a locked account returns no row
-- (the WHERE is re-checked on the latest row version after the row lock). A successful sign-in resets the
-- count (user_login_succeeded.sql). After a lock has run out the count starts again from one. $1 user id.
UPDATE users
SET failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
    locked_until = CASE
      WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= $2
        THEN now() + make_interval(mins => $3)
      ELSE NULL
    END
WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
RETURNING failed_logins, locked_until;
