package dev.rolecall.policy.grammar;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.grammar.JsonValue.JsonObject;
import dev.rolecall.policy.grammar.JsonValue.JsonScalar;
import dev.rolecall.policy.grammar.JsonValue.Member;
import dev.rolecall.policy.model.ActionElement;
import dev.rolecall.policy.model.ActionPattern;
import dev.rolecall.policy.model.Condition;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PrincipalElement;
import dev.rolecall.policy.model.ResourceElement;
import dev.rolecall.policy.model.ResourcePattern;
import dev.rolecall.policy.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads one statement and reports what IAM would reject in it. */
final class StatementReader {

    private static final List<String> ELEMENTS = List.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");
    private static final Pattern IAM_SID = Pattern.compile("[A-Za-z0-9]*");

    private StatementReader() {}

    /**
     * Reads the statement at {@code index}; {@code sids} maps the Sids seen so far to their
     * statement index, for the duplicate check.
     */
    static @Nullable Statement read(
            Problems problems, PolicyKind kind, int index, JsonValue value, Map<String, Integer> sids) {
        if (!(value instanceof JsonObject object)) {
            problems.statement(index, null, null, value.at(), "a statement must be an object, not " + value.describe());
            return null;
        }
        StatementScope scope = new StatementScope(problems, kind, index, sid(problems, kind, index, object, sids));
        int before = problems.list().size();
        unknownElements(scope, object);
        Effect effect = effect(scope, object);
        PrincipalElement principal = principal(scope, object, effect);
        ActionElement action = action(scope, object);
        ResourceElement resource = resource(scope, object);
        Member condition = object.member("Condition");
        List<Condition> conditions = condition == null ? List.of() : ConditionReader.read(scope, condition.value());
        if (problems.list().size() != before || effect == null || action == null) {
            return null;
        }
        return new Statement(index, scope.sid(), effect, principal, action, resource, conditions, object.at());
    }

    private static @Nullable String sid(
            Problems problems, PolicyKind kind, int index, JsonObject statement, Map<String, Integer> sids) {
        Member member = statement.member("Sid");
        if (member == null) {
            return null;
        }
        if (!(member.value() instanceof JsonScalar scalar) || !scalar.isString()) {
            problems.statement(
                    index,
                    null,
                    "Sid",
                    member.value().at(),
                    "Sid must be a string, not " + member.value().describe());
            return null;
        }
        String sid = scalar.text();
        checkSid(problems, kind, index, scalar, sids);
        return sid;
    }

    /** A Sid must be alphanumeric where the kind says so, and unique in its policy when not empty. */
    private static void checkSid(
            Problems problems, PolicyKind kind, int index, JsonScalar scalar, Map<String, Integer> sids) {
        String sid = scalar.text();
        if (kind.alphanumericSid() && !IAM_SID.matcher(sid).matches()) {
            problems.statement(
                    index,
                    sid,
                    "Sid",
                    scalar.at(),
                    "Sid \"" + sid + "\" may contain only letters and " + "digits (A–Z, a–z, 0–9) in " + kind.phrase());
        } else if (!sid.isEmpty() && sids.putIfAbsent(sid, index) != null) {
            problems.statement(
                    index,
                    sid,
                    "Sid",
                    scalar.at(),
                    "Sid \"" + sid + "\" is already used by statement " + (sids.get(sid) + 1)
                            + ": each statement needs its own Sid");
        }
    }

    private static void unknownElements(StatementScope scope, JsonObject statement) {
        for (Member member : statement.members()) {
            if (!ELEMENTS.contains(member.name())) {
                String hint = ELEMENTS.stream()
                        .filter(e -> e.equalsIgnoreCase(member.name()))
                        .findFirst()
                        .map(e -> " (did you mean " + e + "? element names are case-sensitive)")
                        .orElse(": a statement has Sid, Effect, Principal, NotPrincipal, Action, NotAction, "
                                + "Resource, NotResource and Condition");
                scope.report(member.name(), member.at(), "\"" + member.name() + "\" is not a statement element" + hint);
            }
        }
    }

    private static @Nullable Effect effect(StatementScope scope, JsonObject statement) {
        Member member = statement.member("Effect");
        if (member == null) {
            scope.report("Effect", statement.at(), "the statement needs an Effect: \"Allow\" or \"Deny\"");
            return null;
        }
        if (member.value() instanceof JsonScalar scalar && scalar.isString()) {
            if (scalar.text().equals("Allow")) {
                return Effect.ALLOW;
            }
            if (scalar.text().equals("Deny")) {
                return Effect.DENY;
            }
        }
        scope.report("Effect", member.value().at(), "Effect must be \"Allow\" or \"Deny\" (case-sensitive)");
        return null;
    }

    private static @Nullable PrincipalElement principal(
            StatementScope scope, JsonObject statement, @Nullable Effect effect) {
        Member member = oneOf(
                scope,
                statement,
                "Principal",
                "NotPrincipal",
                scope.kind().principal(),
                "the policy applies to whoever it is attached to");
        if (member == null) {
            return null;
        }
        if (member.name().equals("NotPrincipal")) {
            if (scope.kind() == PolicyKind.TRUST) {
                scope.report(
                        "NotPrincipal",
                        member.at(),
                        "a role's trust policy cannot use NotPrincipal: name who may assume the role in Principal");
            } else if (effect == Effect.ALLOW) {
                scope.report(
                        "NotPrincipal",
                        member.at(),
                        "NotPrincipal works only with \"Effect\": \"Deny\"; with Allow it would grant everyone else");
            }
        }
        return PrincipalReader.read(scope, member);
    }

    private static @Nullable ActionElement action(StatementScope scope, JsonObject statement) {
        Member member = oneOf(scope, statement, "Action", "NotAction", PolicyKind.Element.REQUIRED, "");
        if (member == null) {
            return null;
        }
        List<ActionPattern> patterns = new ArrayList<>();
        for (Strings.Located entry : Strings.read(scope, member.name(), member.value())) {
            String problem = ActionSyntax.problem(entry.text());
            if (problem == null) {
                patterns.add(new ActionPattern(entry.text(), entry.at()));
            } else {
                scope.report(member.name(), entry.at(), problem);
            }
        }
        return patterns.isEmpty() ? null : new ActionElement(member.name().equals("NotAction"), patterns, member.at());
    }

    private static @Nullable ResourceElement resource(StatementScope scope, JsonObject statement) {
        String why = scope.kind() == PolicyKind.TRUST ? "the resource is the role itself" : "";
        Member member =
                oneOf(scope, statement, "Resource", "NotResource", scope.kind().resource(), why);
        if (member == null) {
            return null;
        }
        List<ResourcePattern> patterns = new ArrayList<>();
        for (Strings.Located entry : Strings.read(scope, member.name(), member.value())) {
            String problem = ArnSyntax.problem(entry.text());
            if (problem == null) {
                patterns.add(new ResourcePattern(entry.text(), entry.at()));
            } else {
                scope.report(member.name(), entry.at(), problem);
            }
        }
        return patterns.isEmpty()
                ? null
                : new ResourceElement(member.name().equals("NotResource"), patterns, member.at());
    }

    /**
     * The one member of a pair like Action/NotAction, reporting both-present, and missing or present
     * against the kind's rule. Null when absent or not allowed.
     */
    private static @Nullable Member oneOf(
            StatementScope scope,
            JsonObject statement,
            String name,
            String negated,
            PolicyKind.Element rule,
            String why) {
        Member plain = statement.member(name);
        Member not = statement.member(negated);
        if (rule == PolicyKind.Element.FORBIDDEN) {
            reportForbidden(scope, why, plain, not);
            return null;
        }
        if (plain != null && not != null) {
            scope.report(negated, not.at(), "a statement has " + name + " or " + negated + ", not both");
            return null;
        }
        if (plain == null && not == null) {
            if (rule == PolicyKind.Element.REQUIRED) {
                scope.report(
                        name,
                        statement.at(),
                        "the statement needs " + article(name) + name + " (or " + negated + ")" + hint(name));
            }
            return null;
        }
        return plain != null ? plain : not;
    }

    private static void reportForbidden(
            StatementScope scope, String why, @Nullable Member plain, @Nullable Member not) {
        for (Member present : new Member[] {plain, not}) {
            if (present != null) {
                scope.report(
                        present.name(),
                        present.at(),
                        present.name() + " is not allowed in " + scope.kind().phrase()
                                + (why.isEmpty() ? "" : ": " + why));
            }
        }
    }

    private static String article(String name) {
        return Set.of("Action").contains(name) ? "an " : "a ";
    }

    private static String hint(String name) {
        return name.equals("Resource") ? "; use \"*\" for every resource" : "";
    }
}
