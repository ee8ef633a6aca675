package dev.rolecall.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rolecall.policy.CustomerManagedPolicies.CustomerPolicy;
import dev.rolecall.policy.CustomerManagedPolicies.Listing;
import dev.rolecall.policy.ManagedPolicyPicker.ManagedPolicyChoice;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An account's customer-managed policies whose name has every typed word, each with the risk of a
 * role that has only its default version's document, analysed as the AWS managed policies are.
 * Without a document (AWS did not give it) the policy is analysed by its ARN alone, which the
 * engine reports as not analysed.
 */
final class CustomerPolicyChoices {

    static final String KIND = "Customer managed";

    private final Optional<CustomerManagedPolicies> source;
    private final PolicyAnalysisService analysis;
    private final RolePermissionsService permissions;
    private final Cache<String, ManagedPolicyChoice> described =
            Caffeine.newBuilder().maximumSize(2_000).build();

    CustomerPolicyChoices(
            Optional<CustomerManagedPolicies> source,
            PolicyAnalysisService analysis,
            RolePermissionsService permissions) {
        this.source = source;
        this.analysis = analysis;
        this.permissions = permissions;
    }

    /**
     * The account's matching policies, shortest names first, or why none are listed.
     *
     * @param words the typed words, lower case letters and digits only; never empty
     */
    ManagedPolicyPicker.CustomerMatches find(List<String> words, String accountId, int most) {
        if (source.isEmpty()) {
            return new ManagedPolicyPicker.CustomerMatches(List.of(), null);
        }
        Listing listing = source.get().list(accountId);
        List<ManagedPolicyChoice> choices = listing.policies().stream()
                .filter(policy ->
                        words.stream().allMatch(word -> normal(policy.name()).contains(word)))
                .sorted(Comparator.comparingInt(
                                (CustomerPolicy policy) -> policy.name().length())
                        .thenComparing(CustomerPolicy::name))
                .limit(most)
                .map(policy -> describe(source.get(), accountId, policy))
                .toList();
        return new ManagedPolicyPicker.CustomerMatches(choices, listing.unavailable());
    }

    private ManagedPolicyChoice describe(CustomerManagedPolicies policies, String accountId, CustomerPolicy policy) {
        Optional<String> document = policies.defaultDocument(accountId, policy);
        String key = policy.arn() + " " + policy.defaultVersionId() + " " + document.orElse("");
        return described.get(key, ignored -> choice(accountId, policy, document.orElse(null)));
    }

    private ManagedPolicyChoice choice(String accountId, CustomerPolicy policy, @Nullable String document) {
        List<PolicyInput> inline = document == null ? List.of() : List.of(new PolicyInput(policy.name(), document));
        List<String> arns = document == null ? List.of(policy.arn()) : List.of();
        PolicyAnalysisRequest.Builder request =
                PolicyAnalysisRequest.builder().accountId(accountId).managedPolicyArns(arns);
        inline.forEach(request::permissionPolicy);
        PolicyAnalysis risk = analysis.analyse(request.build());
        return new ManagedPolicyChoice(
                policy.name(),
                policy.arn(),
                KIND,
                risk.riskLevel(),
                risk.topFinding().map(PolicyFinding::code).orElse(null),
                risk.topFinding().map(PolicyFinding::message).orElse(null),
                ManagedPolicyPicker.access(
                        permissions.summarise(new RolePolicies(accountId, inline, List.of(), null))));
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
