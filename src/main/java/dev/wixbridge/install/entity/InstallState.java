package dev.wixbridge.install.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;

import org.eclipse.persistence.config.PessimisticLock;
import org.eclipse.persistence.config.QueryHints;

/**
 * One install started at the App URL: the {@code state} we sent to Wix, known only by its
 * fingerprint, bound to the browser that started it, single use and short-lived.
 */
@Entity
@Table(name = "install_state")
@NamedQuery(name = InstallState.LOCKED, query = "SELECT s FROM InstallState s WHERE s.stateHash = :id",
        hints = @QueryHint(name = QueryHints.PESSIMISTIC_LOCK, value = PessimisticLock.Lock))
public class InstallState {

    /** The row locked, for {@code LockedRows.find}. */
    public static final String LOCKED = "InstallState.locked";

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    @Column(name = "browser_hash")
    private String browserHash;

    @Enumerated(EnumType.STRING)
    private InstallStateStatus status;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "instance_id")
    private String instanceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "refusal")
    private Refusal refusal;

    /** When the state left {@code PENDING}: claimed for an exchange, then finished (the column predates claims). */
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected InstallState() {
        // for JPA
    }

    public static InstallState issue(String stateHash, String browserHash, Instant now, Duration lifetime) {
        InstallState state = new InstallState();
        state.stateHash = stateHash;
        state.browserHash = browserHash;
        state.status = InstallStateStatus.PENDING;
        state.createdAt = now.atOffset(ZoneOffset.UTC);
        state.expiresAt = now.plus(lifetime).atOffset(ZoneOffset.UTC);
        return state;
    }

    public boolean isBoundTo(String browserHash) {
        return this.browserHash.equals(browserHash);
    }

    public boolean hasExpiredAt(Instant now) {
        return !now.isBefore(expiresAt.toInstant());
    }

    /** Whether this state was claimed, or finished, by a callback with this very code and instance id. */
    public boolean wasFinishedBy(String codeHash, String instanceId) {
        return codeHash.equals(this.codeHash) && instanceId.equals(this.instanceId);
    }

    /** Whether the state was finished after {@code since}. */
    public boolean finishedAfter(Instant since) {
        return finishedAt != null && finishedAt.toInstant().isAfter(since);
    }

    /** Claimed by a callback about to trade its code: no other callback may trade one for this state. */
    public void claim(String codeHash, String instanceId, Instant now) {
        finish(InstallStateStatus.EXCHANGING, codeHash, instanceId, now);
    }

    /** Whether a claim was made before {@code instant} (a claim that old was left by a server that went away). */
    public boolean claimedBefore(Instant instant) {
        return status == InstallStateStatus.EXCHANGING && finishedAt.toInstant().isBefore(instant);
    }

    /** Back to pending: Wix could not be asked, and a reload may try again while the state lives. */
    public void release() {
        this.status = InstallStateStatus.PENDING;
        this.codeHash = null;
        this.instanceId = null;
        this.finishedAt = null;
    }

    public void complete(String codeHash, String instanceId, Instant now) {
        finish(InstallStateStatus.COMPLETED, codeHash, instanceId, now);
    }

    public void refuse(String codeHash, String instanceId, Refusal refusal, Instant now) {
        finish(InstallStateStatus.REFUSED, codeHash, instanceId, now);
        this.refusal = refusal;
    }

    private void finish(InstallStateStatus status, String codeHash, String instanceId, Instant now) {
        this.status = status;
        this.codeHash = codeHash;
        this.instanceId = instanceId;
        this.finishedAt = now.atOffset(ZoneOffset.UTC);
    }

    public InstallStateStatus status() {
        return status;
    }

    /** Why the state was refused, when it was. */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    public String instanceId() {
        return instanceId;
    }
}
