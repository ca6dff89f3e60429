-- The demo accounts of responsible units (unit handlers), whose inboxes the demo fills, oldest first.
SELECT username, unit_code
FROM users
WHERE demo AND role = 'unit_handler' AND NOT disabled
ORDER BY id;
