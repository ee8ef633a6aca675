package dev.rolecall.inventory;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.inventory.events.RoleInventoryActivity;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.provisioning.ManagedRoleCalls;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.problems.RoleSpecInvalidException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * the account; adopting files an IMPORT request whose revision 1 is the live role as read now,
 * reviewed as any request; approved, it becomes an IMPORTED role without changing AWS, except for
 * the {@code managed-by=rolecall} tag where the account allows it. Scans and adoptions are audited.
 */
@Service
class RoleImport {

    private static final Logger log = LoggerFactory.getLogger(RoleImport.class);

    private final ManagedRoleCalls calls;
    private final ManagedRoleRepository roles;
    private final RoleRequestService analysis;
    private final AccountRegistry accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    RoleImport(
            ManagedRoleCalls calls,
            ManagedRoleRepository roles,
            RoleRequestService analysis,
            AccountRegistry accounts,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.calls = calls;
        this.roles = roles;
        this.analysis = analysis;
        this.accounts = accounts;
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
     * Files one IMPORT request per role: each records the role as it is now as revision 1, is routed
     * and reviewed like any other request, and becomes an IMPORTED role once approved. The admin who
     * adopts is the requester, so never its approver.
     *
     * @return the requests filed, and each role that could not be (service-linked, already in the
     *     inventory, gone from AWS) with the reason
     */
    Adoption adopt(String accountId, List<String> names, String justification, CurrentUser admin) {
        TargetAccount account = applying(accountId, admin);
        List<RoleRequestView> filed = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String name : new LinkedHashSet<>(names)) {
            try {
                filed.add(analysis.fileImport(account.id(), name, justification, admin));
            } catch (RoleSpecInvalidException e) {
                refused.put(name, e.describe());
            }
        }
        return new Adoption(filed, refused);
    }

    private TargetAccount applying(String accountId, CurrentUser admin) {
        requireAdmin(admin);
        return accounts.find(accountId)
                .filter(TargetAccount::applies)
                .orElseThrow(() -> InventoryException.notFound(accountId, "*"));
    }

    static void requireAdmin(CurrentUser user) {
        if (!user.has(Role.ADMIN)) {
            throw InventoryException.forbidden(user.username() + " may not import roles", "roles.import.denied");
        }
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

    /** What an adoption filed: the IMPORT requests, and the roles refused with the reason for each. */
    record Adoption(List<RoleRequestView> filed, Map<String, String> refused) {}
}
