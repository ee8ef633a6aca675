package dev.rolecall.request.web;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.spec.FieldProblem;
import dev.rolecall.request.spec.JsonText;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.request.spec.TrustChoice.Kind;
import dev.rolecall.request.spec.TrustPolicyBuilder;
import dev.rolecall.request.spec.TrustPolicyPatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Applies the trust builder to the request form: fields to JSON, and JSON back to fields. */
final class TrustBuilding {

    private TrustBuilding() {}

    /**
     * Writes the form's trust policy from its builder fields, unless the person chose to write it as
     * JSON. On problems the JSON is left as it was and the problems, named by form field, are added.
     */
    static void build(RoleRequestForm form, Set<String> knownAccounts, List<FieldProblem> problems) {
        TrustBuilderForm trust = form.getTrust();
        if (!trust.builds()) {
            return;
        }
        TrustPolicyBuilder.Result built =
                TrustPolicyBuilder.build(trust.toChoice(), form.getAccountId(), knownAccounts);
        if (built.policy() != null) {
            form.setTrustPolicy(PolicyDocuments.format(built.policy()));
        }
        problems.addAll(built.problems());
    }

    /** The ids of the registry's accounts: the accounts a role may trust. */
    static Set<String> accountIds(AccountRegistry accounts) {
        return accounts.all().stream().map(TargetAccount::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The problems {@link #build} finds, for the live preview. */
    static List<FieldProblem> build(RoleRequestForm form, Set<String> knownAccounts) {
        List<FieldProblem> problems = new ArrayList<>();
        build(form, knownAccounts, problems);
        return problems;
    }

    /**
     * Re-opens the form's JSON in the builder when the builder would write exactly that policy;
     * otherwise the trusted entity is hand-written JSON.
     */
    static void recognise(RoleRequestForm form, Set<String> knownAccounts) {
        JsonNode policy = JsonText.parse(form.getTrustPolicy(), "trustPolicy", new ArrayList<>());
        TrustBuilderForm trust = form.getTrust();
        if (policy == null) {
            trust.setKind(Kind.JSON);
            return;
        }
        TrustPolicyPatterns.recognise(policy, form.getAccountId(), knownAccounts)
                .ifPresentOrElse(trust::fill, () -> trust.setKind(Kind.JSON));
    }
}
