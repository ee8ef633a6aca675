package dev.rolecall.inventory;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.inventory.events.RoleInventoryActivity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.provisioning.LiveRole;
import dev.rolecall.provisioning.LiveRoles;
import dev.rolecall.provisioning.ManagedRoleCalls;
import dev.rolecall.request.RoleRequestService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and adopt, for admins: a scan lists every role of an account (service-linked ones listed
 * but never adoptable) with the policy engine's findings and risk, a security team's first look at
 * the account; adopting records a live role, as read now, as the first spec of an IMPORTED role
 * without changing AWS, except for the {@code managed-by=rolecall} tag where the account allows
 * it. Scans and adoptions are audited.
 */
@Service
class RoleImport {

    private static final Logger log = LoggerFactory.getLogger(RoleImport.class);

    private final ManagedRoleCalls calls;
    private final LiveRoles liveRoles;
    private final ManagedRoleRepository roles;
    private final RoleRequestService analysis;
    private final AccountRegistry accounts;
    private final InventoryProperties properties;
    private final ExpiryJobs expiryJobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RoleImport(
            ManagedRoleCalls calls,
            LiveRoles liveRoles,
            ManagedRoleRepository roles,
            RoleRequestService analysis,
            AccountRegistry accounts,
            InventoryProperties properties,
            ExpiryJobs expiryJobs,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.calls = calls;
        this.liveRoles = liveRoles;
        this.roles = roles;
        this.analysis = analysis;
        this.accounts = accounts;
        this.properties = properties;
        this.expiryJobs = expiryJobs;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Every role of the account with its findings and risk, riskiest first.
     *
     * @throws InventoryException 403 unless the caller is an admin, 404 for an account Rolecall
     *     does not apply to
     * @throws dev.rolecall.provisioning.RoleCallFailedException when AWS refuses the listing
     */
    Scan scan(String accountId, CurrentUser admin) {
        TargetAccount account = applying(accountId, admin);
        long started = System.nanoTime();
        List<ManagedRoleCalls.ScannedRole> found = calls.scan(account.id());
        Set<String> known = new HashSet<>(roles.names(account.id()));
        List<ScanRow> rows = new ArrayList<>(found.size());
        for (ManagedRoleCalls.ScannedRole role : found) {
            rows.add(row(role, known.contains(role.spec().roleName().toLowerCase(Locale.ROOT))));
        }
        rows.sort(ScanRow.RISKIEST_FIRST);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> events.publishEvent(new RoleInventoryActivity(
                admin.username(),
                now,
                "inventory.scanned",
                account.id(),
                null,
                Map.of(
                        "roles",
                        rows.size(),
                        "unmanaged",
                        rows.stream().filter(ScanRow::adoptable).count()))));
        log.info("account={} roles={} took={}ms outcome=scanned", account.id(), rows.size(), took.toMillis());
        return new Scan(account, rows, now);
    }

    private ScanRow row(ManagedRoleCalls.ScannedRole role, boolean inInventory) {
        PolicyAnalysis result = analysis.analyse(role.spec());
        return new ScanRow(
                role.spec().roleName(),
                role.spec().path(),
                role.arn(),
                result.riskLevel(),
                result.topFinding().map(PolicyFinding::code).orElse(null),
                result.findings().size(),
                role.serviceLinked(),
                inInventory,
                role.managedByRolecall());
    }

    /**
     * Adopts roles of the account as they are now: each becomes an IMPORTED role owned by the team.
     *
     * @return the names adopted; a name that is service-linked, already in the inventory or gone
     *     from AWS is skipped and said so in {@code skipped}
     */
    Adoption adopt(String accountId, List<String> names, @Nullable String ownerTeam, CurrentUser admin) {
        TargetAccount account = applying(accountId, admin);
        boolean tag = properties.account(account.id()).tagAdopted();
        List<String> adopted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> known = new HashSet<>(roles.names(account.id()));
        for (String name : new LinkedHashSet<>(names)) {
            LiveRole live = liveRoles.read(account.id(), name).orElse(null);
            if (live == null
                    || live.spec().path().startsWith(ManagedRoleCalls.SERVICE_LINKED_PATH)
                    || known.contains(name.toLowerCase(Locale.ROOT))) {
                skipped.add(name);
                continue;
            }
            if (tag && !live.managedByRolecall()) {
                calls.tagManaged(account.id(), name);
            }
            transaction.executeWithoutResult(status -> record(live, ownerTeam, tag, admin));
            adopted.add(name);
        }
        return new Adoption(adopted, skipped);
    }

    private void record(LiveRole live, @Nullable String ownerTeam, boolean tagged, CurrentUser admin) {
        PolicyAnalysis result = analysis.analyse(live.spec());
        ManagedRole role = ManagedRole.create(
                live.spec(),
                live.arn(),
                ownerTeam == null || ownerTeam.isBlank() ? null : ownerTeam.strip(),
                new ManagedRole.Assessment(
                        result.riskLevel(),
                        result.topFinding().map(PolicyFinding::code).orElse(null)),
                true,
                live.readAt());
        roles.save(role);
        roles.addEvent(
                role.id(),
                new ManagedRoleRepository.RoleEvent(
                        null,
                        "ADOPTED",
                        admin.username(),
                        tagged ? "tagged managed-by=rolecall" : "AWS unchanged",
                        clock.instant()));
        expiryJobs.schedule(role);
        events.publishEvent(new RoleInventoryActivity(
                admin.username(),
                clock.instant(),
                "inventory.adopted",
                role.accountId(),
                role.roleName(),
                Map.of(
                        "roleArn",
                        live.arn(),
                        "roleId",
                        live.roleId(),
                        "ownerTeam",
                        String.valueOf(role.row().ownerTeam()),
                        "tagged",
                        tagged)));
    }

    private TargetAccount applying(String accountId, CurrentUser admin) {
        if (!admin.has(Role.ADMIN)) {
            throw InventoryException.forbidden(admin.username() + " may not import roles", "roles.import.denied");
        }
        return accounts.find(accountId)
                .filter(TargetAccount::applies)
                .orElseThrow(() -> InventoryException.notFound(accountId, "*"));
    }

    /** A scan of one account. */
    record Scan(TargetAccount account, List<ScanRow> rows, Instant scannedAt) {

        Scan {
            rows = List.copyOf(rows);
        }

        public long adoptable() {
            return rows.stream().filter(ScanRow::adoptable).count();
        }
    }

    /**
     * One role of a scan.
     *
     * @param inInventory whether Rolecall holds it already (applied or adopted)
     * @param taggedManaged whether it carries {@code managed-by=rolecall}
     */
    record ScanRow(
            String name,
            String path,
            String arn,
            RiskLevel risk,
            @Nullable String topFinding,
            int findings,
            boolean serviceLinked,
            boolean inInventory,
            boolean taggedManaged) {

        static final Comparator<ScanRow> RISKIEST_FIRST =
                Comparator.comparing(ScanRow::risk).reversed().thenComparing(ScanRow::name);

        /** Only roles Rolecall does not hold yet, and never service-linked ones, can be adopted. */
        public boolean adoptable() {
            return !serviceLinked && !inInventory;
        }
    }

    /** What an adoption did. */
    record Adoption(List<String> adopted, List<String> skipped) {}
}
