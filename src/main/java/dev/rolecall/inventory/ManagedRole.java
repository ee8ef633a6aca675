package dev.rolecall.inventory;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RoleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role in the inventory: the spec Rolecall last applied (or adopted), its state and what was
 * last read from AWS. Its methods guard the state: an illegal transition throws, never a silent
 * no-op; nobody outside sets the state.
 */
final class ManagedRole {

    private final UUID id;
    private final String accountId;
    private final String roleName;
    private final Instant createdAt;
    private long version;
    private @Nullable String roleArn;
    private @Nullable String ownerTeam;
    private RoleSpec spec;
    private RoleState state;
    private boolean imported;
    private @Nullable RiskLevel risk;
    private @Nullable String topFinding;
    private @Nullable UUID lastRequestId;
    private @Nullable RoleSpec liveSpec;
    private @Nullable Instant lastReadAt;
    private List<FieldDiff> drift;
    private Instant updatedAt;

    ManagedRole(Row row) {
        this.id = row.id();
        this.accountId = row.accountId();
        this.roleName = row.roleName();
        this.roleArn = row.roleArn();
        this.ownerTeam = row.ownerTeam();
        this.spec = row.spec();
        this.state = row.state();
        this.imported = row.imported();
        this.risk = row.risk();
        this.topFinding = row.topFinding();
        this.lastRequestId = row.lastRequestId();
        this.liveSpec = row.liveSpec();
        this.lastReadAt = row.lastReadAt();
        this.drift = List.copyOf(row.drift());
        this.createdAt = row.createdAt();
        this.updatedAt = row.updatedAt();
        this.version = row.version();
    }

    /** Stored with this version: the next save must find it. */
    void saved(long newVersion) {
        version = newVersion;
    }

    /** A role a request made, or one adopted from AWS. */
    static ManagedRole create(
            RoleSpec spec,
            @Nullable String arn,
            @Nullable String team,
            Assessment risk,
            boolean imported,
            Instant now) {
        return new ManagedRole(new Row(
                UUID.randomUUID(),
                spec.accountId(),
                spec.roleName(),
                arn,
                team,
                spec,
                imported ? RoleState.IMPORTED : RoleState.ACTIVE,
                imported,
                risk.level(),
                risk.topFinding(),
                null,
                imported ? spec : null,
                imported ? now : null,
                List.of(),
                now,
                now,
                -1));
    }

    /** A request's spec reached AWS: it is what Rolecall now holds, whatever the state was. */
    void applied(RoleSpec applied, UUID requestId, @Nullable String arn, Assessment assessment, Instant now) {
        spec = applied;
        lastRequestId = requestId;
        roleArn = arn != null ? arn : roleArn;
        risk = assessment.level();
        topFinding = assessment.topFinding();
        imported = false;
        drift = List.of();
        state = RoleState.ACTIVE;
        updatedAt = now;
    }

    /**
     * An approved IMPORT request recorded the role as it was in AWS: Rolecall now holds that spec,
     * unchanged since it was read, as an IMPORTED role.
     */
    void imported(RoleSpec live, UUID requestId, @Nullable String arn, Assessment assessment, Instant now) {
        applied(live, requestId, arn, assessment, now);
        imported = true;
        state = RoleState.IMPORTED;
        liveSpec = live;
        lastReadAt = now;
    }

    /** A delete request removed the role from AWS. */
    void deleted(UUID requestId, Instant now) {
        lastRequestId = requestId;
        state = RoleState.DELETED;
        drift = List.of();
        updatedAt = now;
    }

    /** The expiry is within the window: owners and reviewers are told. */
    void warnExpiring(Instant now) {
        if (state != RoleState.ACTIVE && state != RoleState.IMPORTED) {
            throw new IllegalStateException("only an active or imported role starts expiring, not " + state);
        }
        state = RoleState.EXPIRING;
        updatedAt = now;
    }

    /** Revoked at its expiry. */
    void expired(Instant now) {
        requireLive("expire");
        state = RoleState.EXPIRED;
        updatedAt = now;
    }

    /** A drift check read the live role and found it differs. */
    void drifted(RoleSpec live, List<FieldDiff> diffs, Instant now) {
        requireLive("drift");
        liveSpec = live;
        lastReadAt = now;
        drift = List.copyOf(diffs);
        state = RoleState.DRIFTED;
        updatedAt = now;
    }

    /** A drift check (or a re-apply) found the live role as recorded. */
    void inSync(RoleSpec live, Duration warningWindow, Instant now) {
        requireLive("check");
        liveSpec = live;
        lastReadAt = now;
        drift = List.of();
        if (state == RoleState.DRIFTED) {
            state = restingState(warningWindow, now);
        }
        updatedAt = now;
    }

    /** The state of a live role with no drift: expiring soon, adopted and unchanged, or active. */
    RoleState restingState(Duration warningWindow, Instant now) {
        Instant expiresAt = expiresAt();
        if (expiresAt != null && !expiresAt.isAfter(now.plus(warningWindow))) {
            return RoleState.EXPIRING;
        }
        return imported ? RoleState.IMPORTED : RoleState.ACTIVE;
    }

    private void requireLive(String verb) {
        if (!state.live()) {
            throw new IllegalStateException("cannot " + verb + " a role that is " + state);
        }
    }

    @Nullable
    Instant expiresAt() {
        return spec.expiresAt();
    }

    UUID id() {
        return id;
    }

    String accountId() {
        return accountId;
    }

    String roleName() {
        return roleName;
    }

    RoleState state() {
        return state;
    }

    RoleSpec spec() {
        return spec;
    }

    Row row() {
        return new Row(
                id,
                accountId,
                roleName,
                roleArn,
                ownerTeam,
                spec,
                state,
                imported,
                risk,
                topFinding,
                lastRequestId,
                liveSpec,
                lastReadAt,
                drift,
                createdAt,
                updatedAt,
                version);
    }

    /** A risk level and the finding that sets it. */
    record Assessment(@Nullable RiskLevel level, @Nullable String topFinding) {}

    /**
     * A role as stored and as read by pages.
     *
     * @param version the optimistic-lock version; {@code -1} before the first save
     */
    record Row(
            UUID id,
            String accountId,
            String roleName,
            @Nullable String roleArn,
            @Nullable String ownerTeam,
            RoleSpec spec,
            RoleState state,
            boolean imported,
            @Nullable RiskLevel risk,
            @Nullable String topFinding,
            @Nullable UUID lastRequestId,
            @Nullable RoleSpec liveSpec,
            @Nullable Instant lastReadAt,
            List<FieldDiff> drift,
            Instant createdAt,
            Instant updatedAt,
            long version) {

        Row {
            drift = List.copyOf(drift);
        }

        public @Nullable Instant expiresAt() {
            return spec.expiresAt();
        }

        public boolean drifted() {
            return !drift.isEmpty();
        }
    }
}
