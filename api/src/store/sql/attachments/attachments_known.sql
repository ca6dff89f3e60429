-- Which of the given hashes are stored.
SELECT hash FROM attachments WHERE hash = ANY ($1::text[]);
