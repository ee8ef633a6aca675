package dev.rolecall.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The top-level shape of IAM policy documents: what IAM itself rejects. */
final class PolicyGrammar {

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Pattern ACTION = Pattern.compile("\\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+");
    private static final Set<String> STATEMENT_KEYS = Set.of(
            "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

    private PolicyGrammar() {}

    static List<PolicyProblem> check(PolicyKind kind, JsonNode document) {
        List<PolicyProblem> problems = new ArrayList<>();
        if (!document.isObject()) {
            problems.add(new PolicyProblem("(document)", "must be a JSON object"));
            return problems;
        }
        JsonNode version = document.get("Version");
        if (version == null || !version.isString() || !VERSIONS.contains(version.asString())) {
            problems.add(new PolicyProblem("Version", "must be \"2012-10-17\""));
        }
        JsonNode statements = document.get("Statement");
        if (statements == null || !(statements.isObject() || (statements.isArray() && !statements.isEmpty()))) {
            problems.add(new PolicyProblem("Statement", "must be a statement object or a non-empty array of them"));
            return problems;
        }
        Set<String> sids = new HashSet<>();
        if (statements.isObject()) {
            checkStatement(kind, statements, "Statement", sids, problems);
        } else {
            for (int i = 0; i < statements.size(); i++) {
                checkStatement(kind, statements.get(i), "Statement[" + i + "]", sids, problems);
            }
        }
        return problems;
    }

    private static void checkStatement(
            PolicyKind kind, JsonNode statement, String where, Set<String> sids, List<PolicyProblem> problems) {
        if (!statement.isObject()) {
            problems.add(new PolicyProblem(where, "must be an object"));
            return;
        }
        JsonNode sid = statement.get("Sid");
        if (sid != null) {
            if (!sid.isString() || !sid.asString().matches("[A-Za-z0-9]*")) {
                problems.add(new PolicyProblem(where + ".Sid", "may contain only letters and digits"));
            } else if (!sid.asString().isEmpty() && !sids.add(sid.asString())) {
                problems.add(new PolicyProblem(where + ".Sid", "duplicates Sid " + sid.asString()));
            } else {
                where = where + " (Sid " + sid.asString() + ")";
            }
        }
        for (String key : statement.propertyNames()) {
            if (!STATEMENT_KEYS.contains(key)) {
                problems.add(new PolicyProblem(where + "." + key, "is not a statement element"));
            }
        }
        JsonNode effect = statement.get("Effect");
        if (effect == null || !("Allow".equals(effect.asString()) || "Deny".equals(effect.asString()))) {
            problems.add(new PolicyProblem(where + ".Effect", "must be \"Allow\" or \"Deny\""));
        }
        exactlyOne(statement, where, "Action", "NotAction", problems);
        for (String key : List.of("Action", "NotAction")) {
            for (JsonNode action : stringsOf(statement.get(key), where + "." + key, problems)) {
                if (!ACTION.matcher(action.asString()).matches()) {
                    problems.add(new PolicyProblem(
                            where + "." + key, "\"" + action.asString() + "\" is not an action like service:Name"));
                }
            }
        }
        if (kind == PolicyKind.TRUST) {
            exactlyOne(statement, where, "Principal", "NotPrincipal", problems);
            forbid(statement, where, "Resource", "a trust policy names no resource", problems);
            forbid(statement, where, "NotResource", "a trust policy names no resource", problems);
        } else {
            exactlyOne(statement, where, "Resource", "NotResource", problems);
            stringsOf(statement.get("Resource"), where + ".Resource", problems);
            stringsOf(statement.get("NotResource"), where + ".NotResource", problems);
            forbid(statement, where, "Principal", "a policy attached to a role names no principal", problems);
            forbid(statement, where, "NotPrincipal", "a policy attached to a role names no principal", problems);
        }
        JsonNode condition = statement.get("Condition");
        if (condition != null && !condition.isObject()) {
            problems.add(new PolicyProblem(where + ".Condition", "must be an object of operators"));
        }
    }

    private static void exactlyOne(
            JsonNode statement, String where, String one, String other, List<PolicyProblem> problems) {
        boolean hasOne = statement.has(one);
        boolean hasOther = statement.has(other);
        if (hasOne == hasOther) {
            problems.add(new PolicyProblem(
                    where, hasOne ? "has both " + one + " and " + other : "needs " + one + " or " + other));
        }
    }

    private static void forbid(
            JsonNode statement, String where, String key, String why, List<PolicyProblem> problems) {
        if (statement.has(key)) {
            problems.add(new PolicyProblem(where + "." + key, "is not allowed: " + why));
        }
    }

    private static List<JsonNode> stringsOf(JsonNode value, String where, List<PolicyProblem> problems) {
        if (value == null) {
            return List.of();
        }
        List<JsonNode> strings = new ArrayList<>();
        if (value.isString()) {
            strings.add(value);
        } else if (value.isArray() && !value.isEmpty()) {
            for (JsonNode item : value) {
                if (item.isString()) {
                    strings.add(item);
                } else {
                    problems.add(new PolicyProblem(where, "must contain only strings"));
                }
            }
        } else {
            problems.add(new PolicyProblem(where, "must be a string or a non-empty array of strings"));
        }
        return strings;
    }
}
