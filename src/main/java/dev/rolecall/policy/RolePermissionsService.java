package dev.rolecall.policy;

import dev.rolecall.policy.access.EffectivePermissions;
import dev.rolecall.policy.access.Grant;
import dev.rolecall.policy.access.StatementActions;
import dev.rolecall.policy.catalog.AccessLevel;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.IamAction;
import dev.rolecall.policy.catalog.IamCatalog;
import dev.rolecall.policy.catalog.IamService;
import dev.rolecall.policy.findings.AccessConcerns;
import dev.rolecall.policy.findings.EscalationMethods;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.Wildcard;
import dev.rolecall.policy.permissions.AccessAnswer;
import dev.rolecall.policy.permissions.AccessChange;
import dev.rolecall.policy.permissions.AccessDecision;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.policy.permissions.AccessEntry;
import dev.rolecall.policy.permissions.AccessLevelPermissions;
import dev.rolecall.policy.permissions.AccessQuestionException;
import dev.rolecall.policy.permissions.AccessRequest;
import dev.rolecall.policy.permissions.DecisiveStatement;
import dev.rolecall.policy.permissions.NotAnalysedPolicy;
import dev.rolecall.policy.permissions.PermissionSummary;
import dev.rolecall.policy.permissions.ServicePermissions;
import dev.rolecall.policy.permissions.SimulationResult;
import dev.rolecall.policy.simulation.PolicyEvaluator;
import dev.rolecall.policy.simulation.PolicySet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What a role may do: its effective permissions per service, what a new version adds or takes away,
 * and whether it may do one action on one resource. AWS managed policies (and boundaries) are read from
 * the shipped copy; customer managed ones cannot be read offline and are reported as not analysed.
 */
@Service
public class RolePermissionsService {

    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9_.-]+");
    private static final Pattern ARN = Pattern.compile("arn:[a-z-]+:[A-Za-z0-9-]+:[^:]*:[^:]*:.+");
    private static final int MAX_RESOURCE_LENGTH = 2048;
    private static final int ACTIONS_PER_GROUP_SHOWN = 5;
    private static final int GROUPS_SHOWN = 4;

    /** By concern (risky ones first, most dangerous first), then by action name. */
    private static final Comparator<AccessEntry> RISKY_FIRST = Comparator.comparing(
                    AccessEntry::concern, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AccessEntry::action);

    private final IamCatalog catalog;
    private final ResolvedRole.Resolver resolver;
    private final AccessConcerns concerns;
    private final PolicyEvaluator evaluator;

    public RolePermissionsService(
            IamCatalog catalog, AwsManagedPolicies managed, EscalationMethods methods, PolicyEvaluator evaluator) {
        this.catalog = catalog;
        this.evaluator = evaluator;
        this.resolver = new ResolvedRole.Resolver(managed);
        this.concerns = new AccessConcerns(catalog, methods);
    }

    /**
     * The role's effective permissions per service in the AWS policy-summary layout: identity policies
     * within the permissions boundary, minus unconditional denies on every resource, with wildcards and
     * NotAction expanded against the IAM action catalog.
     */
    public PermissionSummary summarise(RolePolicies role) {
        ResolvedRole resolved = resolver.resolve(role);
        return summarise(resolved, effective(resolved));
    }

    /**
     * The summary of {@link #summarise(RolePolicies)} and the entries of {@link #entries(RolePolicies)}
     * from one resolution of the role's policies: the request page's card shows both.
     */
    public RoleAccessView view(RolePolicies role) {
        ResolvedRole resolved = resolver.resolve(role);
        EffectivePermissions access = effective(resolved);
        return new RoleAccessView(summarise(resolved, access), entries(access));
    }

    /** A role's effective permissions, summarised per service and listed action by action. */
    public record RoleAccessView(PermissionSummary summary, List<AccessEntry> entries) {}

    private PermissionSummary summarise(ResolvedRole resolved, EffectivePermissions access) {
        Map<String, Map<AccessLevel, Row>> rows = rowsByService(access);
        Map<String, Integer> removed = new TreeMap<>();
        access.removedByBoundary().actions().forEach(action -> removed.merge(action.service(), 1, Integer::sum));
        Set<String> prefixes = new TreeSet<>(rows.keySet());
        prefixes.addAll(removed.keySet());
        List<ServicePermissions> services = new ArrayList<>();
        for (String prefix : prefixes) {
            IamService service = catalog.service(prefix).orElseThrow();
            List<AccessLevelPermissions> levels = levels(service, rows.getOrDefault(prefix, Map.of()));
            services.add(new ServicePermissions(prefix, service.name(), levels, removed.getOrDefault(prefix, 0)));
        }
        return new PermissionSummary(
                services,
                resolved.notAnalysed(),
                resolved.boundaryArn(),
                resolved.boundaryAnalysed(),
                access.removedByBoundary().size(),
                catalog.version(),
                catalog.dataDate());
    }

    /** The granted actions grouped by service prefix and access level. */
    private static Map<String, Map<AccessLevel, Row>> rowsByService(EffectivePermissions access) {
        Map<String, Map<AccessLevel, Row>> rows = new TreeMap<>();
        for (Grant grant : access.grants()) {
            grant.actions()
                    .actions()
                    .forEach(
                            action -> rows.computeIfAbsent(action.service(), prefix -> new EnumMap<>(AccessLevel.class))
                                    .computeIfAbsent(action.accessLevel(), level -> new Row())
                                    .add(action, grant));
        }
        return rows;
    }

    /** One service's rows, each with how many of the service's actions its access level has in all. */
    private static List<AccessLevelPermissions> levels(IamService service, Map<AccessLevel, Row> rows) {
        List<AccessLevelPermissions> levels = new ArrayList<>();
        rows.forEach((level, row) -> {
            int total = (int) service.actions().stream()
                    .filter(a -> a.accessLevel() == level)
                    .count();
            levels.add(new AccessLevelPermissions(
                    level.label(),
                    row.actions.size() >= total,
                    List.copyOf(row.actions),
                    total,
                    List.copyOf(row.resources),
                    row.conditional));
        });
        return levels;
    }

    /**
     * What {@code after} newly allows and no longer allows compared with {@code before}, action by action
     * with resource patterns. A pattern counts as still allowed when a pattern of the other version covers
     * it (e.g. {@code arn:aws:s3:::b/*} is covered by {@code *}).
     */
    public AccessDiff diff(RolePolicies before, RolePolicies after) {
        ResolvedRole old = resolver.resolve(before);
        ResolvedRole now = resolver.resolve(after);
        Map<String, Set<String>> oldAccess = tuples(effective(old));
        Map<String, Set<String>> newAccess = tuples(effective(now));
        List<AccessChange> added = changes(newAccess, oldAccess);
        List<AccessChange> removed = changes(oldAccess, newAccess);
        Set<NotAnalysedPolicy> notAnalysed = new LinkedHashSet<>(old.notAnalysed());
        notAnalysed.addAll(now.notAnalysed());
        StringBuilder summary = new StringBuilder();
        summary.append("Newly allowed: ").append(describe(added)).append(' ');
        summary.append("No longer allowed: ").append(describe(removed)).append(' ');
        summary.append("Boundary: ")
                .append(
                        Objects.equals(old.boundaryArn(), now.boundaryArn())
                                ? "unchanged."
                                : (old.boundaryArn() == null ? "none" : old.boundaryArn()) + " → "
                                        + (now.boundaryArn() == null ? "none" : now.boundaryArn()) + ".");
        if (!notAnalysed.isEmpty()) {
            summary.append(' ')
                    .append(notAnalysed.size())
                    .append(notAnalysed.size() == 1 ? " policy was" : " policies were")
                    .append(" not analysed: the change may be larger.");
        }
        return new AccessDiff(
                added, removed, old.boundaryArn(), now.boundaryArn(), List.copyOf(notAnalysed), summary.toString());
    }

    /**
     * What the role may do, action by action, risky actions first: privilege-escalation paths,
     * permissions management, credential exposure, then writes and data reads on every resource; the
     * rest by service and name. {@link AccessOverview#of(List)} groups them for a first reading.
     */
    public List<AccessEntry> entries(RolePolicies role) {
        return entries(effective(resolver.resolve(role)));
    }

    private List<AccessEntry> entries(EffectivePermissions access) {
        List<AccessChange> actions = new ArrayList<>();
        tuples(access).forEach((action, resources) -> actions.add(new AccessChange(action, List.copyOf(resources))));
        return classify(actions, access.anywhere());
    }

    /**
     * The actions of a diff's side ({@link AccessDiff#newlyAllowed()} or {@link AccessDiff#noLongerAllowed()}),
     * risky first as in {@link #entries(RolePolicies)}, judged against {@code role}: the version that allows
     * them.
     */
    public List<AccessEntry> entries(List<AccessChange> changes, RolePolicies role) {
        ResolvedRole resolved = resolver.resolve(role);
        return classify(changes, effective(resolved).anywhere());
    }

    private List<AccessEntry> classify(List<AccessChange> changes, ActionSet allowed) {
        ActionSet escalating = concerns.escalating(allowed);
        List<AccessEntry> entries = new ArrayList<>(changes.size());
        for (AccessChange change : changes) {
            IamAction action = catalog.action(change.action()).orElseThrow();
            IamService service = catalog.service(action.service()).orElseThrow();
            boolean everyResource = concerns.onEveryResource(action, change.resources());
            entries.add(new AccessEntry(
                    action.fullName(),
                    service.prefix(),
                    service.name(),
                    action.accessLevel().label(),
                    change.resources(),
                    concerns.of(action, everyResource, escalating)));
        }
        entries.sort(RISKY_FIRST);
        return entries;
    }

    /**
     * Whether the role may do {@code action} on {@code resource} with the given request context, as the
     * simulator decides it from the identity policies (inline and AWS managed) and the boundary. With
     * the role's ARN known, the role is the caller. No key, trust or other resource-based policy is
     * known here: where AWS needs one to allow (a KMS key, assuming a role, a resource in another
     * account) the answer is IMPLICITLY_DENIED and says what the role's own policies would give.
     *
     * @param resource an ARN, or {@code *} (or blank) for actions that take no resource
     * @throws AccessQuestionException when the action or resource is malformed
     */
    public AccessAnswer canDo(RolePolicies role, String action, String resource, Map<String, List<String>> context) {
        String act = action.strip();
        String res = resource.strip().isEmpty() ? "*" : resource.strip();
        checkQuestion(act, res);
        Map<String, List<String>> fullContext = fullContext(role, context);
        ResolvedRole resolved = resolver.resolve(role);
        AccessRequest request = new AccessRequest(act, res, role.roleArn(), null, fullContext);
        SimulationResult result =
                evaluator.evaluate(request, PolicySet.ofIdentity(resolved.identity(), resolved.boundaries()));
        String explanation = explanation(resolved, request, result) + caveats(act, resolved);
        return new AccessAnswer(
                act,
                res,
                result.decision(),
                result.decisiveStatements(),
                explanation,
                resolved.notAnalysed(),
                result.rule());
    }

    private static void checkQuestion(String act, String res) {
        if (!ACTION.matcher(act).matches()) {
            throw new AccessQuestionException(
                    "action",
                    "Write one action like s3:GetObject (service prefix, colon, action name), without wildcards.");
        }
        if (res.length() > MAX_RESOURCE_LENGTH) {
            throw new AccessQuestionException(
                    "resource", "A resource ARN has at most " + MAX_RESOURCE_LENGTH + " characters.");
        }
        if (!res.equals("*") && !ARN.matcher(res).matches()) {
            throw new AccessQuestionException(
                    "resource",
                    "Write a complete ARN with 6 parts, "
                            + "e.g. arn:aws:s3:::my-bucket/key, or * for actions that take no resource.");
        }
    }

    /** The asked context with stripped keys, plus the role's own account as {@code aws:PrincipalAccount}. */
    private static Map<String, List<String>> fullContext(RolePolicies role, Map<String, List<String>> context) {
        Map<String, List<String>> fullContext = new LinkedHashMap<>();
        context.forEach((key, values) -> {
            if (key.isBlank()) {
                throw new AccessQuestionException("context", "Context keys must not be blank.");
            }
            fullContext.put(key.strip(), values);
        });
        if (fullContext.keySet().stream().noneMatch("aws:PrincipalAccount"::equalsIgnoreCase)) {
            fullContext.put("aws:PrincipalAccount", List.of(role.accountId()));
        }
        return fullContext;
    }

    private String explanation(ResolvedRole resolved, AccessRequest request, SimulationResult result) {
        boolean simulatorExplains = result.decision() != AccessDecision.EXPLICITLY_DENIED
                && (result.rule() != null || PolicyEvaluator.crossAccount(request));
        if (simulatorExplains) {
            return result.decision() + ": " + result.explanation();
        }
        return switch (result.decision()) {
            case ALLOWED ->
                "ALLOWED by " + describe(resolved, result.decisiveStatements(), PolicyKind.IDENTITY)
                        + (resolved.boundaries().isEmpty()
                                ? ""
                                : "; not blocked by "
                                        + describe(resolved, result.decisiveStatements(), PolicyKind.BOUNDARY))
                        + ".";
            case EXPLICITLY_DENIED ->
                "EXPLICITLY_DENIED by " + describe(resolved, result.decisiveStatements(), null)
                        + ": an explicit deny overrides every allow.";
            case IMPLICITLY_DENIED -> implicitDenial(resolved, request);
        };
    }

    /** What may make the answer wrong: an unknown action, an unread boundary, policies not analysed. */
    private String caveats(String act, ResolvedRole resolved) {
        String caveats = "";
        if (catalog.action(act).isEmpty()) {
            caveats += " Note: " + act + " is not in the IAM action catalog of " + catalog.dataDate()
                    + "; check the spelling.";
        }
        if (!resolved.boundaryAnalysed()) {
            caveats += " The permissions boundary " + resolved.boundaryArn()
                    + " could not be read, so this answer leaves it out.";
        }
        if (!resolved.notAnalysed().isEmpty()) {
            caveats += " " + resolved.notAnalysed().size()
                    + (resolved.notAnalysed().size() == 1 ? " policy was" : " policies were")
                    + " not analysed and could change the answer.";
        }
        return caveats;
    }

    private String implicitDenial(ResolvedRole resolved, AccessRequest request) {
        if (!resolved.boundaries().isEmpty()) {
            SimulationResult identityOnly = evaluator.evaluate(request, PolicySet.ofIdentity(resolved.identity()));
            if (identityOnly.allowed()) {
                return "IMPLICITLY_DENIED: "
                        + describe(resolved, identityOnly.decisiveStatements(), PolicyKind.IDENTITY)
                        + " allows it, but the permissions boundary "
                        + resolved.boundaries().get(0).name()
                        + " does not.";
            }
        }
        return "IMPLICITLY_DENIED: no statement of the role's policies allows " + request.action() + " on "
                + request.resource() + ", so it is denied by default.";
    }

    private static String describe(
            ResolvedRole resolved, List<DecisiveStatement> statements, @Nullable PolicyKind layer) {
        List<String> parts = new ArrayList<>();
        for (DecisiveStatement statement : statements) {
            if (layer != null && statement.layer() != layer) {
                continue;
            }
            String kind = statement.layer() == PolicyKind.BOUNDARY
                    ? "permissions boundary"
                    : resolved.origins().getOrDefault(statement.policy(), "identity policy");
            parts.add(kind + " " + statement.policy() + ", statement " + (statement.statementIndex() + 1)
                    + (statement.sid() == null || statement.sid().isEmpty() ? "" : " (Sid " + statement.sid() + ")"));
        }
        return parts.isEmpty() ? "the role's policies" : String.join("; ", parts);
    }

    /** The one effective-permissions model the findings read too, for a resolved role. */
    private EffectivePermissions effective(ResolvedRole role) {
        @Nullable
        PolicyDocument boundary =
                role.boundaries().isEmpty() ? null : role.boundaries().get(0);
        return EffectivePermissions.of(new StatementActions(catalog), role.identity(), boundary);
    }

    private static Map<String, Set<String>> tuples(EffectivePermissions access) {
        Map<String, Set<String>> tuples = new TreeMap<>();
        for (Grant grant : access.grants()) {
            grant.actions()
                    .actions()
                    .forEach(action -> tuples.computeIfAbsent(action.fullName(), name -> new LinkedHashSet<>())
                            .addAll(grant.resources()));
        }
        return tuples;
    }

    /** The (action, resource) pairs of {@code these} that no pair of {@code others} covers. */
    private static List<AccessChange> changes(Map<String, Set<String>> these, Map<String, Set<String>> others) {
        List<AccessChange> changes = new ArrayList<>();
        these.forEach((action, resources) -> {
            Set<String> other = others.getOrDefault(action, Set.of());
            List<String> uncovered = resources.stream()
                    .filter(resource -> !covered(other, resource))
                    .toList();
            if (!uncovered.isEmpty()) {
                changes.add(new AccessChange(action, uncovered));
            }
        });
        return changes;
    }

    private static boolean covered(Set<String> patterns, String resource) {
        if (patterns.contains(resource) || patterns.contains("*")) {
            return true;
        }
        if (resource.startsWith(Grant.ALL_EXCEPT)) {
            return false;
        }
        for (String pattern : patterns) {
            if (!pattern.startsWith(Grant.ALL_EXCEPT) && Wildcard.matches(pattern, resource, false)) {
                return true;
            }
        }
        return false;
    }

    /** "4 actions on 2 services — s3:PutObject, s3:DeleteObject on arn:…; logs:CreateLogGroup on *." */
    private static String describe(List<AccessChange> changes) {
        if (changes.isEmpty()) {
            return "nothing.";
        }
        long services = changes.stream().map(AccessChange::service).distinct().count();
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (AccessChange change : changes) {
            groups.computeIfAbsent(change.resources(), resources -> new ArrayList<>())
                    .add(change.action());
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<List<String>, List<String>> group : groups.entrySet()) {
            if (parts.size() == GROUPS_SHOWN) {
                parts.add("and " + (groups.size() - GROUPS_SHOWN) + " more resource group(s)");
                break;
            }
            List<String> actions = group.getValue();
            String shown = String.join(", ", actions.subList(0, Math.min(actions.size(), ACTIONS_PER_GROUP_SHOWN)))
                    + (actions.size() > ACTIONS_PER_GROUP_SHOWN
                            ? " and " + (actions.size() - ACTIONS_PER_GROUP_SHOWN) + " more"
                            : "");
            parts.add(shown + " on " + String.join(", ", group.getKey()));
        }
        return changes.size() + (changes.size() == 1 ? " action" : " actions") + " on " + services
                + (services == 1 ? " service" : " services") + " — " + String.join("; ", parts) + ".";
    }

    /** One access level of one service, being gathered. */
    private static final class Row {
        final Set<String> actions = new TreeSet<>();
        final Set<String> resources = new LinkedHashSet<>();
        boolean conditional;

        void add(IamAction action, Grant grant) {
            actions.add(action.fullName());
            resources.addAll(grant.resources());
            conditional |= grant.isConditional();
        }
    }
}
