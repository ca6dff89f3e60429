-- Records a token's use (at most once a minute, by the caller). $1 token id.
UPDATE api_tokens SET last_used_at = now() WHERE id = $1;
