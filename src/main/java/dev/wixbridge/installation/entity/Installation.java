package dev.wixbridge.installation.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.eclipse.persistence.config.PessimisticLock;
import org.eclipse.persistence.config.QueryHints;

/** A Wix site (app instance) that installed the app, with its tokens sealed. */
@Entity
@Table(name = "installation")
@NamedQuery(name = Installation.LOCKED, query = "SELECT i FROM Installation i WHERE i.instanceId = :id",
        hints = @QueryHint(name = QueryHints.PESSIMISTIC_LOCK, value = PessimisticLock.Lock))
public class Installation {

    /** The row locked, for {@code LockedRows.find}. */
    public static final String LOCKED = "Installation.locked";

    @Id
    @Column(name = "instance_id")
    private String instanceId;

    @Enumerated(EnumType.STRING)
    private InstallationStatus status;

    @Column(name = "token_key_id")
    private String tokenKeyId;

    @Column(name = "refresh_token_sealed")
    private String refreshTokenSealed;

    @Column(name = "access_token_sealed")
    private String accessTokenSealed;

    @Column(name = "access_token_expires_at")
    private OffsetDateTime accessTokenExpiresAt;

    @Column(name = "installed_at")
    private OffsetDateTime installedAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "last_installed_at")
    private OffsetDateTime lastInstalledAt;

    @Column(name = "uninstalled_at")
    private OffsetDateTime uninstalledAt;

    @Column(name = "last_refreshed_at")
    private OffsetDateTime lastRefreshedAt;

    /** The column's width (V3): a longer text is cut, never a reason for a refresh's outcome to be lost. */
    static final int LAST_FAILURE_LENGTH = 512;

    @Column(name = "last_failure")
    private String lastFailure;

    @Column(name = "last_failure_at")
    private OffsetDateTime lastFailureAt;

    @Column(name = "refresh_started_at")
    private OffsetDateTime refreshStartedAt;

    @Column(name = "site_name")
    private String siteName;

    @Version
    private long version;

    protected Installation() {
        // for JPA
    }

    public static Installation install(String instanceId, SealedTokens tokens, Instant accessTokenExpiresAt, Instant now) {
        Installation installation = new Installation();
        installation.instanceId = instanceId;
        installation.installedAt = utc(now);
        installation.reinstall(tokens, accessTokenExpiresAt, now);
        return installation;
    }

    /**
     * A site Wix says installed the app ({@code AppInstalled}, apps on Wix's current OAuth): active,
     * without a token yet (the first is fetched when first needed).
     */
    public static Installation announced(String instanceId, Instant installedAt, Instant now) {
        Installation installation = new Installation();
        installation.instanceId = instanceId;
        installation.installedAt = utc(installedAt);
        installation.reactivate(installedAt, now);
        return installation;
    }

    /** Wix installed the app on the site (again) at {@code installedAt}: active, whatever it was before. */
    public void reactivate(Instant installedAt, Instant now) {
        this.status = InstallationStatus.ACTIVE;
        this.lastInstalledAt = utc(installedAt);
        this.uninstalledAt = null;
        this.lastFailure = null;
        this.lastFailureAt = null;
        this.updatedAt = utc(now);
    }

    /**
     * Whether something that happened at {@code when} is older than the site's latest install.
     * Compared in whole seconds: a JWT's {@code iat} has no finer precision, so within the same
     * second the event counts as the later one.
     */
    public boolean installedSince(Instant when) {
        return lastInstalledAt != null && when.isBefore(lastInstalledAt.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether something that happened at {@code when} is older than the site's latest removal (in whole seconds). */
    public boolean uninstalledSince(Instant when) {
        return uninstalledAt != null && when.isBefore(uninstalledAt.toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** The site's display name as Wix last told it; a name Wix did not give keeps the one we had. */
    public void named(Optional<String> name) {
        name.ifPresent(known -> this.siteName = known);
    }

    /** A new grant from the install flow: the site is active again, whatever it was before. */
    public void reinstall(SealedTokens tokens, Instant accessTokenExpiresAt, Instant now) {
        this.status = InstallationStatus.ACTIVE;
        this.lastInstalledAt = utc(now);
        this.uninstalledAt = null;
        this.lastFailure = null;
        this.lastFailureAt = null;
        this.refreshStartedAt = null; // a refresh still under way belongs to the old grant: its answer is dropped
        seal(tokens, accessTokenExpiresAt);
        this.updatedAt = utc(now);
    }

    /**
     * Wix issued a new access token (and the refresh token it may have rotated). A site that
     * waited for re-authorization is active again: with client credentials it needs no owner.
     */
    public void refreshed(SealedTokens tokens, Instant accessTokenExpiresAt, Instant now) {
        this.status = InstallationStatus.ACTIVE;
        seal(tokens, accessTokenExpiresAt);
        this.lastRefreshedAt = utc(now);
        this.lastFailure = null;
        this.lastFailureAt = null;
        this.updatedAt = utc(now);
    }

    /**
     * A refresh of this site's token begins now (its call to Wix follows, outside any transaction).
     *
     * @return the marker as stored, to know the refresh by: in whole milliseconds, which every
     *         database keeps exactly (the clock may have nanoseconds, a column microseconds)
     */
    public Instant refreshStarted(Instant now) {
        Instant marker = now.truncatedTo(ChronoUnit.MILLIS);
        this.refreshStartedAt = utc(marker);
        return marker;
    }

    /** When the refresh under way began, if one is. */
    public Optional<Instant> refreshStartedAt() {
        return Optional.ofNullable(refreshStartedAt).map(OffsetDateTime::toInstant);
    }

    /** Whether the refresh that began at {@code started} is still the one this row waits for. */
    public boolean awaitsRefresh(Instant started) {
        return refreshStartedAt != null && refreshStartedAt.toInstant().equals(started);
    }

    /** The refresh under way ended (its outcome stored, or lost). */
    public void refreshEnded() {
        this.refreshStartedAt = null;
    }

    /** The same tokens under another key (key rotation); nothing else changes. */
    public void resealed(SealedTokens tokens) {
        seal(tokens, accessTokenExpiresAt == null ? null : accessTokenExpiresAt.toInstant());
    }

    /** Wix refused the refresh token: only the site owner opening the app again can help. */
    public void requireReauthorization(String failure, Instant now) {
        this.status = InstallationStatus.REAUTH_REQUIRED;
        forgetTokens();
        failed(failure, now);
        this.updatedAt = utc(now);
    }

    /** The site is gone for us: tokens forgotten, status kept for the record. */
    public void uninstall(Instant now) {
        uninstall(now, now);
    }

    /** The app was removed from the site at {@code removedAt} (as Wix says). */
    public void uninstall(Instant removedAt, Instant now) {
        this.status = InstallationStatus.UNINSTALLED;
        this.uninstalledAt = utc(removedAt);
        this.refreshStartedAt = null;
        forgetTokens();
        this.updatedAt = utc(now);
    }

    /** A failure worth showing to an admin, e.g. Wix unavailable during a refresh. */
    public void failed(String failure, Instant now) {
        this.lastFailure = failure.length() > LAST_FAILURE_LENGTH ? failure.substring(0, LAST_FAILURE_LENGTH) : failure;
        this.lastFailureAt = utc(now);
    }

    private void seal(SealedTokens tokens, Instant accessTokenExpiresAt) {
        this.tokenKeyId = tokens.keyId();
        this.refreshTokenSealed = tokens.refreshToken();
        this.accessTokenSealed = tokens.accessToken();
        this.accessTokenExpiresAt = utc(accessTokenExpiresAt);
    }

    private void forgetTokens() {
        this.tokenKeyId = null;
        this.refreshTokenSealed = null;
        this.accessTokenSealed = null;
        this.accessTokenExpiresAt = null;
    }

    public String instanceId() {
        return instanceId;
    }

    public InstallationStatus status() {
        return status;
    }

    /** Empty when the site has no tokens (uninstalled, or re-authorization required). */
    public Optional<SealedTokens> sealedTokens() {
        return tokenKeyId == null ? Optional.empty()
                : Optional.of(new SealedTokens(tokenKeyId, refreshTokenSealed, accessTokenSealed));
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

    public String lastFailure() {
        return lastFailure;
    }

    /** The site's display name, when Wix told it (at install or registration). */
    public Optional<String> siteName() {
        return Optional.ofNullable(siteName);
    }

    public Instant lastFailureAt() {
        return lastFailureAt == null ? null : lastFailureAt.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "Installation[" + instanceId + ", " + status + "]";
    }
}
