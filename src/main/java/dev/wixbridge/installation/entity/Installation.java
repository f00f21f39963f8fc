package dev.wixbridge.installation.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A Wix site (app instance) that installed the app, with the tokens to act for it. */
@Entity
@Table(name = "installation")
public class Installation {

    @Id
    @Column(name = "instance_id")
    private String instanceId;

    @Enumerated(EnumType.STRING)
    private InstallationStatus status;

    @Column(name = "refresh_token")
    private String refreshToken;

    @Column(name = "access_token")
    private String accessToken;

    @Column(name = "access_token_expires_at")
    private OffsetDateTime accessTokenExpiresAt;

    @Column(name = "installed_at")
    private OffsetDateTime installedAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "last_refreshed_at")
    private OffsetDateTime lastRefreshedAt;

    @Version
    private long version;

    protected Installation() {
        // for JPA
    }

    public static Installation install(String instanceId, String refreshToken, String accessToken,
                                       Instant accessTokenExpiresAt, Instant now) {
        Installation installation = new Installation();
        installation.instanceId = instanceId;
        installation.installedAt = utc(now);
        installation.reinstall(refreshToken, accessToken, accessTokenExpiresAt, now);
        return installation;
    }

    /** A new grant from the install flow: the site is active again, whatever it was before. */
    public void reinstall(String refreshToken, String accessToken, Instant accessTokenExpiresAt, Instant now) {
        this.status = InstallationStatus.ACTIVE;
        this.refreshToken = refreshToken;
        this.accessToken = accessToken;
        this.accessTokenExpiresAt = utc(accessTokenExpiresAt);
        this.updatedAt = utc(now);
    }

    public String instanceId() {
        return instanceId;
    }

    public InstallationStatus status() {
        return status;
    }

    /** Never log or show this value. */
    public String refreshToken() {
        return refreshToken;
    }

    /** Never log or show this value. */
    public String accessToken() {
        return accessToken;
    }

    public Instant accessTokenExpiresAt() {
        return accessTokenExpiresAt == null ? null : accessTokenExpiresAt.toInstant();
    }

    public Instant installedAt() {
        return installedAt.toInstant();
    }

    public Instant updatedAt() {
        return updatedAt.toInstant();
    }

    public Instant lastRefreshedAt() {
        return lastRefreshedAt == null ? null : lastRefreshedAt.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "Installation[" + instanceId + ", " + status + "]";
    }
}
