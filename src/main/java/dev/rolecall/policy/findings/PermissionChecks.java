package dev.rolecall.policy.findings;

import dev.rolecall.policy.access.EffectivePermissions;
import dev.rolecall.policy.access.Grant;
import dev.rolecall.policy.analysis.FindingSeverity;
import dev.rolecall.policy.analysis.PolicyLocation;
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
    private final BroadGrants broad;
    private final Findings findings;

    PermissionChecks(
            IamCatalog catalog,
            SensitiveActions sensitive,
            EffectivePermissions effective,
            ResourceReach reach,
            Findings findings) {
        this.catalog = catalog;
        this.sensitive = sensitive;
        this.effective = effective;
        this.broad = new BroadGrants(effective, reach, catalog.none());
        this.findings = findings;
    }

    void run() {
        if (fullAdmin()) {
            // Everything below is implied; repeating it would only bury the one finding that matters.
            return;
        }
        privilegeEscalation();
        passRole();
        sensitiveOnAllResources();
        sensitiveOnAnyResource();
        tokens();
        serviceLinkedRoles();
    }

    /** Sensitive families granted on every resource, most dangerous first. */
    private void sensitiveOnAllResources() {
        onAllResources(
                FindingCode.PERMISSIONS_MANAGEMENT_STAR,
                sensitive.permissionsManagement,
                "Permissions-management actions",
                FindingSeverity.HIGH);
        onAllResources(
                FindingCode.CREDENTIALS_EXPOSURE_STAR,
                sensitive.credentials,
                "Credential-returning actions",
                FindingSeverity.HIGH);
        onAllResources(
                FindingCode.DATA_EXFILTRATION_STAR,
                sensitive.dataExfiltration,
                "Reads of secrets and data",
                FindingSeverity.MEDIUM);
        onAllResources(FindingCode.WRITE_STAR, sensitive.write, "Write actions", FindingSeverity.LOW);
    }

    /** Sensitive families that matter on any resource: exposing it, or blinding its logging. */
    private void sensitiveOnAnyResource() {
        onAnyResource(
                FindingCode.RESOURCE_POLICY_CHANGE,
                sensitive.exposure,
                catalog.none(),
                FindingSeverity.MEDIUM,
                "Can change who may access");
        onAnyResource(
                FindingCode.DEFENCE_EVASION_ACTIONS,
                sensitive.defenceEvasion,
                sensitive.defenceEvasionOnEveryResource,
                FindingSeverity.HIGH,
                "Can stop or blind logging and detection on");
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
            everywhere |= broad.everyAccount().containsAll(needed);
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

    /**
     * iam:PassRole on every role, in every account or in one: HIGH either way, LOW when a condition
     * on iam:PassedToService limits the services that receive the role.
     */
    private void passRole() {
        IamAction passRole = catalog.action("iam:PassRole").orElseThrow();
        List<BroadGrants.Broad> onAll = broad.of(passRole);
        Optional<BroadGrants.Broad> unscoped = onAll.stream()
                .filter(grant -> !ConditionFacts.narrows(grant.grant().conditions(), Set.of("iam:passedtoservice")))
                .findFirst();
        if (unscoped.isPresent()) {
            findings.add(
                    FindingCode.PASSROLE_STAR,
                    unscoped.get().grant().location(),
                    "iam:PassRole on " + roles(unscoped.get(), passRole) + ", to any service");
        } else if (!onAll.isEmpty()) {
            BroadGrants.Broad grant = onAll.get(0);
            findings.add(
                    FindingCode.PASSROLE_STAR_SERVICE_SCOPED,
                    grant.grant().location(),
                    "iam:PassRole on " + roles(grant, passRole) + ", to "
                            + passedToServices(grant.grant().conditions()));
        }
    }

    private String roles(BroadGrants.Broad grant, IamAction passRole) {
        return grant.patterns().isEmpty()
                ? "every role"
                : grant.words(catalog.actionsNamed(List.of(passRole.fullName())));
    }

    /**
     * Sensitive actions on every resource of their type: in every account at the code's severity, in
     * only one account at {@code oneAccount} (never above the code's severity); one step lower when
     * only conditional ARN patterns reach that far.
     */
    private void onAllResources(FindingCode code, ActionSet kind, String what, FindingSeverity oneAccount) {
        Tier tier = broadest(kind);
        if (tier != null) {
            FindingSeverity severity =
                    tier.everyAccount() || !code.severity().isAtLeast(oneAccount) ? code.severity() : oneAccount;
            findings.add(code, tier.severity(severity), tier.location(), what + " on " + tier.words());
        }
    }

    /**
     * Actions that matter on any resource: HIGH on every resource of their type (in every account or
     * one; MEDIUM when only conditional ARN patterns reach that far), {@code named} on named resources,
     * which the finding lists. Actions in {@code onlyOnEveryResource} count only on every resource;
     * actions that work only on {@code *} count only there.
     */
    private void onAnyResource(
            FindingCode code, ActionSet kind, ActionSet onlyOnEveryResource, FindingSeverity named, String what) {
        Tier tier = broadest(kind);
        if (tier != null) {
            findings.add(code, tier.severity(FindingSeverity.HIGH), tier.location(), what + " " + tier.words());
        }
        ActionSet everywhere = broad.anyAccount().intersect(kind);
        ActionSet scoped = kind.minus(onlyOnEveryResource).minus(everywhere).intersect(sensitive.scopable);
        Grant first = null;
        ActionSet found = catalog.none();
        Set<String> resources = new java.util.LinkedHashSet<>();
        for (Grant grant : effective.grants()) {
            ActionSet here = grant.actions().intersect(scoped);
            if (!here.isEmpty() && !grant.allResources()) {
                first = first == null ? grant : first;
                found = found.union(here);
                resources.addAll(grant.resources());
            }
        }
        if (first != null) {
            findings.add(
                    code,
                    named,
                    first.location(),
                    what.replaceFirst(" on$", "") + ": " + summary(found) + " on " + listed(resources));
        }
    }

    /** Credential-returning actions that work only on {@code *}: LOW, saying what they hand out. */
    private void tokens() {
        ActionSet found = effective.onAllResources().intersect(sensitive.tokens);
        if (found.isEmpty()) {
            return;
        }
        Grant grant = effective.firstGrantOf(found, true).orElseThrow();
        findings.add(
                FindingCode.CREDENTIALS_ON_STAR_ONLY,
                grant.location(),
                found.actions()
                        .map(action -> action.fullName() + " returns "
                                + SensitiveActions.TOKENS.getOrDefault(action.fullName(), "credentials"))
                        .collect(Collectors.joining("; ")));
    }

    /**
     * The broad grants of the widest reach that hold any of these actions: every account before one
     * account, and in each, unconditional grants before conditional ARN patterns. Null when none.
     */
    private @Nullable Tier broadest(ActionSet kind) {
        for (boolean everyAccount : new boolean[] {true, false}) {
            for (boolean conditional : new boolean[] {false, true}) {
                List<BroadGrants.Broad> grants = broad.matching(kind, everyAccount, conditional);
                if (!grants.isEmpty()) {
                    ActionSet actions = catalog.none();
                    for (BroadGrants.Broad grant : grants) {
                        actions = actions.union(grant.actions().intersect(kind));
                    }
                    return new Tier(grants.get(0), actions, everyAccount, conditional);
                }
            }
        }
        return null;
    }

    /** The widest reach of some actions, and the first grant with it. */
    private record Tier(BroadGrants.Broad first, ActionSet actions, boolean everyAccount, boolean conditional) {

        PolicyLocation location() {
            return first.grant().location();
        }

        FindingSeverity severity(FindingSeverity unconditional) {
            return conditional ? lower(unconditional) : unconditional;
        }

        /** E.g. {@code every role in every account (arn:aws:iam::*:role/*): iam:PassRole}. */
        String words() {
            ActionSet here = actions.intersect(first.actions());
            ActionSet elsewhere = actions.minus(here);
            return first.words(here) + ": " + summary(here)
                    + (conditional
                            ? " (under conditions: "
                                    + ConditionFacts.describe(first.grant().conditions()) + ")"
                            : "")
                    + (elsewhere.isEmpty() ? "" : "; in other statements too: " + summary(elsewhere));
        }

        private static FindingSeverity lower(FindingSeverity severity) {
            return switch (severity) {
                case BLOCK, CRITICAL -> FindingSeverity.HIGH;
                case HIGH -> FindingSeverity.MEDIUM;
                case MEDIUM, LOW, INFO -> FindingSeverity.LOW;
            };
        }
    }

    private static String listed(Set<String> resources) {
        List<String> all = List.copyOf(resources);
        return all.size() <= 4
                ? String.join(", ", all)
                : String.join(", ", all.subList(0, 4)) + " and " + (all.size() - 4) + " more";
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
