-- Federated moderation: what followers were last told of a post's removal and its thread's lock,
-- so each moderator action is sent once and can be taken back with the very activity it sent.

-- The id of the circle's Delete that removed the post, while it stays removed.
ALTER TABLE federated_post ADD COLUMN removal_id VARCHAR(500);
-- The id of the circle's Lock of the thread (kept on its opening post), while it stays locked.
ALTER TABLE federated_post ADD COLUMN lock_id VARCHAR(500);

-- Reports waiting to be forwarded to the node a reported post came from.
CREATE INDEX report_to_forward ON report (forwarded_at, origin);
