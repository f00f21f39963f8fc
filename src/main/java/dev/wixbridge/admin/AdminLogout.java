package dev.wixbridge.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An admin login logged out before it expired: refused by every server until it would have expired anyway. */
@Entity
@Table(name = "admin_logout")
public class AdminLogout {

    @Id
    @Column(name = "login_hash")
    private String loginHash;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected AdminLogout() {
        // for JPA
    }

    AdminLogout(String loginHash, Instant expiresAt) {
        this.loginHash = loginHash;
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    }
}
