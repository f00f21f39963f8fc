-- A refresh of the site's token whose call to Wix is under way, on any server, since when.
-- Set in a short transaction before Wix is called and cleared when the outcome is stored, so no
-- database connection or row lock is held while Wix is slow; while it is set, other servers answer
-- 503 instead of refreshing with the same refresh token. A marker older than
-- wix.refresh-completion-ms (plus a margin) belongs to a server that died, and is taken over.
ALTER TABLE installation ADD COLUMN refresh_started_at TIMESTAMP WITH TIME ZONE;

-- A failure is told in words an admin can act on (an uncertain refresh, a refresh token probably
-- rotated during a Wix timeout): 64 characters were not enough.
ALTER TABLE installation ALTER COLUMN last_failure SET DATA TYPE VARCHAR(512);
