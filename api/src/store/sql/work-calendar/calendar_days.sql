-- The days that break the weekly pattern: holidays and 调休 workdays.
SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_days ORDER BY day;
