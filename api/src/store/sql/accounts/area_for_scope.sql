-- Checks an area code for a user's or token's scope. $1 code. Uses areas_pkey.
SELECT code, level, name FROM areas WHERE code = $1;
