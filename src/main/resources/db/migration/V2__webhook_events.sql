-- Webhooks (issue 12): the events Wix sent, and the install history an event is judged against.

-- When Wix last installed the app on the site, and when it was last removed: an event older
-- than the latest of the other kind changes nothing (Wix delivers out of order).
ALTER TABLE installation ADD COLUMN last_installed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE installation ADD COLUMN uninstalled_at TIMESTAMP WITH TIME ZONE;
UPDATE installation SET last_installed_at = installed_at;
UPDATE installation SET uninstalled_at = updated_at WHERE status = 'UNINSTALLED';

-- Every verified event, kept for the feed (GET /api/events). seq is the feed's order and is
-- handed out under the row lock of event_sequence, held until commit: events become visible in
-- seq order on every server, so a consumer reading "after seq N" never skips one committed late.
-- The same lock makes the duplicate check (event_id) race-free across servers.
CREATE TABLE wix_event (
    seq         BIGINT                   NOT NULL PRIMARY KEY,
    event_id    VARCHAR(128)             NOT NULL,
    event_type  VARCHAR(128)             NOT NULL,
    instance_id VARCHAR(64),
    event_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    data        VARCHAR(65536)           NOT NULL,
    identity    VARCHAR(65536)
);

CREATE UNIQUE INDEX wix_event_id ON wix_event (event_id);
CREATE INDEX wix_event_instance ON wix_event (instance_id, seq);
CREATE INDEX wix_event_received_at ON wix_event (received_at);

CREATE TABLE event_sequence (
    id       INT    NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

INSERT INTO event_sequence (id, last_seq) VALUES (1, 0);
