package dev.rolecall.policy.findings;

import dev.rolecall.policy.access.EffectivePermissions;
import dev.rolecall.policy.access.Grant;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Checks on the role's effective permissions: what it can actually do. */
final class PermissionChecks {

    private static final int LISTED_SERVICES = 8;

    private final IamCatalog catalog;
    private final SensitiveActions sensitive;
    private final EffectivePermissions effective;
    private final Findings findings;

    PermissionChecks(
            IamCatalog catalog, SensitiveActions sensitive, EffectivePermissions effective, Findings findings) {
        this.catalog = catalog;
        this.sensitive = sensitive;
        this.effective = effective;
        this.findings = findings;
    }

    void run() {
        if (fullAdmin()) {
            // Everything below is implied; repeating it would only bury the one finding that matters.
            return;
        }
        privilegeEscalation();
        passRole();
        onAllResources(
                FindingCode.PERMISSIONS_MANAGEMENT_STAR,
                sensitive.permissionsManagement,
                "Permissions-management actions on every resource");
        onAllResources(
                FindingCode.CREDENTIALS_EXPOSURE_STAR,
                sensitive.credentials,
                "Credential-returning actions on every resource");
        onAllResources(
                FindingCode.DATA_EXFILTRATION_STAR,
                sensitive.dataExfiltration,
                "Reads of secrets and data on every resource");
        onAllResources(FindingCode.WRITE_STAR, sensitive.write, "Write actions on every resource");
        serviceLinkedRoles();
    }

    private boolean fullAdmin() {
        if (!effective.onAllResources().containsAll(catalog.all())) {
            return false;
        }
        Grant grant = effective.firstGrantOf(catalog.all(), true).orElseThrow();
        boolean conditional =
                effective.grants().stream().filter(Grant::allResources).allMatch(Grant::isConditional);
        findings.add(
                FindingCode.FULL_ADMIN,
                grant.location(),
                "Every action on every resource is allowed" + (conditional ? " (under conditions)" : ""));
        return true;
    }

    private void privilegeEscalation() {
        List<String> methods = new ArrayList<>();
        boolean everywhere = false;
        Grant first = null;
        for (SensitiveActions.Escalation escalation : sensitive.escalations) {
            EscalationMethod method = escalation.method();
            ActionSet needed = escalation.actions();
            if (!effective.anywhere().containsAll(needed) || !passable(method.passedToService())) {
                continue;
            }
            methods.add(method.name() + " (" + String.join(", ", method.actions()) + ")");
            everywhere |= effective.onAllResources().containsAll(needed);
            if (first == null) {
                first = effective.firstGrantOf(needed, false).orElseThrow();
            }
        }
        if (first != null) {
            findings.add(
                    FindingCode.PRIVILEGE_ESCALATION_PATH,
                    everywhere ? FindingSeverity.CRITICAL : FindingSeverity.HIGH,
                    first.location(),
                    methods.size() + " privilege-escalation " + (methods.size() == 1 ? "method is" : "methods are")
                            + " allowed: " + String.join("; ", methods));
        }
    }

    /** Whether some grant of iam:PassRole lets a role be passed to this service (always, for methods without one). */
    private boolean passable(@Nullable String service) {
        if (service == null) {
            return true;
        }
        IamAction passRole = catalog.action("iam:PassRole").orElseThrow();
        return effective.grantsOf(passRole).stream()
                .anyMatch(grant -> ConditionFacts.admits(grant.conditions(), "iam:passedtoservice", service));
    }

    private void passRole() {
        IamAction passRole = catalog.action("iam:PassRole").orElseThrow();
        List<Grant> onAll = effective.grantsOf(passRole).stream()
                .filter(Grant::allResources)
                .toList();
        Optional<Grant> unscoped = onAll.stream()
                .filter(grant -> !ConditionFacts.narrows(grant.conditions(), Set.of("iam:passedtoservice")))
                .findFirst();
        if (unscoped.isPresent()) {
            findings.add(
                    FindingCode.PASSROLE_STAR, unscoped.get().location(), "iam:PassRole on every role, to any service");
        } else if (!onAll.isEmpty()) {
            Grant grant = onAll.get(0);
            findings.add(
                    FindingCode.PASSROLE_STAR_SERVICE_SCOPED,
                    grant.location(),
                    "iam:PassRole on every role, to " + passedToServices(grant.conditions()));
        }
    }

    private void onAllResources(FindingCode code, ActionSet kind, String what) {
        ActionSet found = effective.onAllResources().intersect(kind);
        if (found.isEmpty()) {
            return;
        }
        Grant grant = effective.firstGrantOf(found, true).orElseThrow();
        findings.add(code, grant.location(), what + ": " + summary(found));
    }

    private void serviceLinkedRoles() {
        IamAction create = catalog.action("iam:CreateServiceLinkedRole").orElseThrow();
        effective.grantsOf(create).stream()
                .filter(Grant::allResources)
                .filter(grant -> !ConditionFacts.narrows(grant.conditions(), Set.of("iam:awsservicename")))
                .findFirst()
                .ifPresent(grant -> findings.add(
                        FindingCode.CREATE_SERVICE_LINKED_ROLE_UNSCOPED,
                        grant.location(),
                        "iam:CreateServiceLinkedRole for any service"));
    }

    /** E.g. {@code s3:GetObject, ssm:GetParameter} for a few actions, {@code ec2 (412), s3 (80), …} for many. */
    static String summary(ActionSet actions) {
        if (actions.size() <= 6) {
            return actions.actions().map(IamAction::fullName).collect(Collectors.joining(", "));
        }
        Map<String, Long> perService = new TreeMap<>(
                actions.actions().collect(Collectors.groupingBy(IamAction::service, Collectors.counting())));
        List<String> parts = perService.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .toList();
        String listed = String.join(", ", parts.subList(0, Math.min(LISTED_SERVICES, parts.size())));
        return actions.size() + " actions in " + parts.size() + (parts.size() == 1 ? " service: " : " services: ")
                + listed + (parts.size() > LISTED_SERVICES ? ", …" : "");
    }

    private static String passedToServices(List<Condition> conditions) {
        return ConditionFacts.narrowing(conditions, "iam:passedtoservice"::equals).stream()
                .flatMap(condition -> condition.values().stream())
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
