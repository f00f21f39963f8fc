-- Schema owned by Flyway; the same history runs on H2 and PostgreSQL.

-- One row per Wix site (app instance) that installed the app. Tokens are sealed with
-- AES-256-GCM (see dev.wixbridge.token.control.TokenCipher) under the key named in
-- token_key_id: a dump of this table shows no token.
CREATE TABLE installation (
    instance_id             VARCHAR(64)              NOT NULL PRIMARY KEY,
    status                  VARCHAR(32)              NOT NULL,
    token_key_id            VARCHAR(64),
    refresh_token_sealed    VARCHAR(8192),
    access_token_sealed     VARCHAR(8192),
    access_token_expires_at TIMESTAMP WITH TIME ZONE,
    installed_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refreshed_at       TIMESTAMP WITH TIME ZONE,
    last_failure            VARCHAR(64),
    last_failure_at         TIMESTAMP WITH TIME ZONE,
    version                 BIGINT                   NOT NULL
);

CREATE INDEX installation_status ON installation (status, instance_id);

-- One row per install started at the App URL. Only hashes of the state, of the browser
-- binding and of the authorization code are kept: a dump of this table replays nothing.
CREATE TABLE install_state (
    state_hash   VARCHAR(64)              NOT NULL PRIMARY KEY,
    browser_hash VARCHAR(64)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    code_hash    VARCHAR(64),
    instance_id  VARCHAR(64),
    refusal      VARCHAR(32),
    finished_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX install_state_expires_at ON install_state (expires_at);
