-- A post she chose to keep for 1, 7 or 30 days carries when it disappears (milliseconds since the
-- epoch, UTC); null means it stays until she deletes it. The node's sweep finds due posts by this
-- index and deletes them exactly as she would (words erased, the deletion federated and indexed).
ALTER TABLE post ADD COLUMN expires_at BIGINT;
CREATE INDEX post_by_expiry ON post (expires_at);
