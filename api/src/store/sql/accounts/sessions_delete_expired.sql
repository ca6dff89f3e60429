-- Housekeeping: sessions past their expiry. Uses sessions_expires_at.
DELETE FROM sessions WHERE expires_at <= now();
