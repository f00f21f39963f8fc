-- Admin logins that were logged out before they expired, so that every server refuses them
-- (a login is a signed cookie: without this list a copy of it would stay valid for its 30
-- minutes). Only a fingerprint of the login's form token is kept; a row goes once the login
-- would have expired anyway.
CREATE TABLE admin_logout (
    login_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX admin_logout_expires_at ON admin_logout (expires_at);
