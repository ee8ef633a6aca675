package dev.rolecall.inventory;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.inventory.events.RoleInventoryActivity;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestApplyService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.events.RoleApplied;
import dev.rolecall.request.review.Emergency;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory's façade: records what requests applied, and reads the roles for the people who
 * may see them. Requesters see their team's roles; reviewers, auditors and admins see every role.
 */
@Service
class RoleInventory {

    private static final Logger log = LoggerFactory.getLogger(RoleInventory.class);

    private final ManagedRoleRepository roles;
    private final ExpiryJobs expiryJobs;
    private final RoleExpiry expiry;
    private final RoleRequestApplyService requests;
    private final AccountRegistry accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    RoleInventory(
            ManagedRoleRepository roles,
            ExpiryJobs expiryJobs,
            RoleExpiry expiry,
            RoleRequestApplyService requests,
            AccountRegistry accounts,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.roles = roles;
        this.expiryJobs = expiryJobs;
        this.expiry = expiry;
        this.requests = requests;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /**
     * Records that a request's role reached AWS: a new role, or the new spec of a known one. Once per
     * request and role, however often the event is delivered.
     */
    @Transactional
    void recordApplied(RoleApplied applied) {
        UUID requestId = applied.request().id().value();
        RoleRequestView request = requests.view(applied.request().id());
        Optional<ManagedRole> known =
                roles.find(applied.request().accountId(), applied.request().roleName());
        if (known.isPresent() && roles.hasRequest(known.get().id(), requestId)) {
            log.info(
                    "request={} role={} outcome=recorded-already",
                    requestId,
                    applied.request().roleName());
            return;
        }
        ManagedRole.Assessment risk = new ManagedRole.Assessment(request.riskLevel(), request.topFindingCode());
        boolean imports = applied.kind() == RequestKind.IMPORT;
        ManagedRole role = known.orElseGet(() -> ManagedRole.create(
                request.spec(), applied.roleArn(), ownerTeam(request, imports), risk, imports, applied.occurredAt()));
        String kind = "APPLIED";
        if (applied.kind() == RequestKind.DELETE) {
            role.deleted(requestId, applied.occurredAt());
            kind = "DELETED";
        } else if (imports) {
            role.imported(request.spec(), requestId, applied.roleArn(), risk, applied.occurredAt());
            kind = "ADOPTED";
            adopted(role, applied);
        } else {
            role.applied(request.spec(), requestId, applied.roleArn(), risk, applied.occurredAt());
        }
        roles.save(role);
        roles.addEvent(
                role.id(),
                new ManagedRoleRepository.RoleEvent(
                        requestId, kind, request.requester(), applied.kind().name(), applied.occurredAt()));
        expiryJobs.schedule(role);
        expiry.warnIfDue(role, clock.instant());
    }

    /**
     * The team that owns a role: a request's requester's team; for an adopted role, the team its
     * {@code team} tag names (the admin who adopted it is not its owner).
     */
    private static @Nullable String ownerTeam(RoleRequestView request, boolean imports) {
        return imports ? request.spec().tags().get("team") : request.requesterTeam();
    }

    /** Adoptions are audited as they were before they became requests. */
    private void adopted(ManagedRole role, RoleApplied applied) {
        events.publishEvent(new RoleInventoryActivity(
                applied.actor(),
                applied.occurredAt(),
                "inventory.adopted",
                role.accountId(),
                role.roleName(),
                Map.of(
                        "roleArn",
                        applied.roleArn(),
                        "request",
                        applied.request().id().toString(),
                        "ownerTeam",
                        String.valueOf(role.row().ownerTeam()),
                        "tagged",
                        !applied.calls().isEmpty())));
    }

    /**
     * One page of the roles the reader may see that match the filter, from the start.
     *
     * @param after the position the page starts after, or {@code null} for the first page
     */
    @Transactional(readOnly = true)
    RoleSlice list(RoleFilter filter, @Nullable RolePosition after, int size, CurrentUser reader) {
        return list(new RoleFilterForm.Listing(filter, after, false), size, reader);
    }

    /** One page of the roles the reader may see that match: after a position, or before it. */
    @Transactional(readOnly = true)
    RoleSlice list(RoleFilterForm.Listing listing, int size, CurrentUser reader) {
        return roles.slice(visible(listing.filter(), reader), listing.from(), listing.backwards(), size);
    }

    /**
     * Streams every role the reader may see that match, and records the export in the audit trail
     * first.
     */
    void export(RoleFilter filter, String channel, CurrentUser reader, Consumer<ManagedRole.Row> row) {
        writing.executeWithoutResult(status -> events.publishEvent(new RoleInventoryActivity(
                reader.username(),
                clock.instant(),
                "inventory.exported",
                null,
                null,
                Map.of("format", "csv", "channel", channel, "filter", filter.toString()))));
        reading.executeWithoutResult(status -> roles.forEach(visible(filter, reader), row));
    }

    /**
     * One role and its history.
     *
     * @throws InventoryException 404 for unknown roles and roles the reader may not see
     */
    @Transactional(readOnly = true)
    RoleDetail get(String accountId, String roleName, CurrentUser reader) {
        ManagedRole.Row role = load(accountId, roleName, reader).row();
        List<ManagedRoleRepository.RoleEvent> history = roles.events(role.id());
        Map<UUID, Emergency> emergencies = new HashMap<>();
        requests.emergencies(history.stream()
                        .map(ManagedRoleRepository.RoleEvent::requestId)
                        .filter(Objects::nonNull)
                        .map(RoleRequestId::new)
                        .toList())
                .forEach((id, emergency) -> emergencies.put(id.value(), emergency));
        return new RoleDetail(role, history, emergencies, accounts.find(accountId));
    }

    /** The role, if the reader may see it. */
    ManagedRole load(String accountId, String roleName, CurrentUser reader) {
        ManagedRole role =
                roles.find(accountId, roleName).orElseThrow(() -> InventoryException.notFound(accountId, roleName));
        if (!reader.canReadAllRequests() && !sameTeam(role.row().ownerTeam(), reader.team())) {
            throw InventoryException.notFound(accountId, roleName);
        }
        return role;
    }

    /** The accounts of an environment, for the environment filter. */
    List<String> accountsIn(String environment) {
        return accounts.all().stream()
                .filter(account -> account.environment().equals(environment))
                .map(TargetAccount::id)
                .toList();
    }

    private static RoleFilter visible(RoleFilter filter, CurrentUser reader) {
        return reader.canReadAllRequests() ? filter : filter.ofTeam(reader.team());
    }

    private static boolean sameTeam(@Nullable String owner, @Nullable String team) {
        return owner != null && owner.equals(team);
    }

    /**
     * A role with its history.
     *
     * @param account the account from the registry, empty if it is no longer configured
     */
    record RoleDetail(
            ManagedRole.Row role,
            List<ManagedRoleRepository.RoleEvent> history,
            Map<UUID, Emergency> emergencies,
            Optional<TargetAccount> account) {

        /** The emergency the event's request was filed as, or null for any other event (public: pages call it). */
        @Nullable
        public Emergency emergencyOf(ManagedRoleRepository.RoleEvent event) {
            UUID request = event.requestId();
            return request == null ? null : emergencies.get(request);
        }
    }
}
