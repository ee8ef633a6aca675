package dev.rolecall.policy;

import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.policy.catalog.AwsManagedPolicies;
import dev.rolecall.policy.catalog.AwsManagedPolicy;
import dev.rolecall.policy.permissions.PermissionSummary;
import dev.rolecall.policy.permissions.ServicePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Finds AWS managed policies by name for the request form, each with the risk the engine gives a
 * role that has only that policy and a one-line summary of the access it grants. Typed words match
 * a policy's name and path ignoring case, spaces and punctuation: {@code s3 read} finds {@code
 * AmazonS3ReadOnlyAccess}. A word may also match the access summary (service names and access
 * levels), which stands in for a description: the shipped corpus has none, so {@code s3 read} also
 * finds policies whose summary reads {@code Amazon S3 (Read, List)}. Exact names come first, then
 * names that start with the words, then policies whose name or path has every word, then those found
 * through their summary; the shortest names first within each.
 */
@Service
public class ManagedPolicyPicker {

    /** The most matches one search returns. */
    public static final int MOST_MATCHES = 20;

    private static final String PLACEHOLDER_ACCOUNT = "000000000000";
    private static final int SERVICES_NAMED = 3;

    private final AwsManagedPolicies policies;
    private final PolicyAnalysisService analysis;
    private final RolePermissionsService permissions;
    private final Map<String, ManagedPolicyChoice> described = new ConcurrentHashMap<>();
    private final Map<String, String> summaries = new ConcurrentHashMap<>();
    private final CustomerPolicyChoices customer;

    public ManagedPolicyPicker(
            AwsManagedPolicies policies, PolicyAnalysisService analysis, RolePermissionsService permissions) {
        this(policies, analysis, permissions, Optional.empty());
    }

    /** A picker that also lists an account's customer-managed policies when it can read them. */
    @Autowired
    public ManagedPolicyPicker(
            AwsManagedPolicies policies,
            PolicyAnalysisService analysis,
            RolePermissionsService permissions,
            Optional<CustomerManagedPolicies> customerManaged) {
        this.policies = policies;
        this.analysis = analysis;
        this.permissions = permissions;
        this.customer = new CustomerPolicyChoices(customerManaged, analysis, permissions);
    }

    /**
     * The account's customer-managed policies whose name contains every typed word, each with its
     * risk and access, or why that account's policies are not listed.
     *
     * @param query words typed by the person; blank finds nothing
     * @param accountId the account the request is for
     */
    public CustomerMatches searchAccount(String query, String accountId) {
        List<String> words = words(query);
        if (words.isEmpty() || accountId.isBlank()) {
            return new CustomerMatches(List.of(), null);
        }
        return customer.find(words, accountId.trim(), MOST_MATCHES);
    }

    /**
     * The AWS managed policies whose name or path contains every typed word, best first.
     *
     * @param query words typed by the person; blank finds nothing
     * @return at most {@link #MOST_MATCHES} policies with their risk and access
     */
    public List<ManagedPolicyChoice> search(String query) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        String joined = String.join("", words);
        return policies.all().stream()
                .filter(policy -> words.stream()
                        .allMatch(word -> searchable(policy).contains(word)
                                || summary(policy).contains(word)))
                .sorted(Comparator.comparingInt((AwsManagedPolicy policy) -> rank(policy, joined, words))
                        .thenComparingInt(policy -> policy.name().length())
                        .thenComparing(AwsManagedPolicy::name))
                .limit(MOST_MATCHES)
                .map(policy -> described.computeIfAbsent(policy.arn(), arn -> describe(policy)))
                .toList();
    }

    private ManagedPolicyChoice describe(AwsManagedPolicy policy) {
        PolicyAnalysis risk = analysis.analyse(PolicyAnalysisRequest.builder()
                .accountId(PLACEHOLDER_ACCOUNT)
                .managedPolicyArns(List.of(policy.arn()))
                .build());
        PermissionSummary summary =
                permissions.summarise(new RolePolicies(PLACEHOLDER_ACCOUNT, List.of(), List.of(policy.arn()), null));
        return new ManagedPolicyChoice(
                policy.name(),
                policy.arn(),
                kind(policy.arn()),
                risk.riskLevel(),
                risk.topFinding().map(PolicyFinding::code).orElse(null),
                risk.topFinding().map(PolicyFinding::message).orElse(null),
                access(summary));
    }

    /** E.g. {@code Full: Amazon S3 · Read, List in 3 more services}, or that it grants nothing. */
    static String access(PermissionSummary summary) {
        List<ServicePermissions> services = summary.allowedServices();
        if (services.isEmpty()) {
            return "Grants no access on its own";
        }
        String named = services.stream()
                .sorted(Comparator.comparingInt(ServicePermissions::allowedActions)
                        .reversed())
                .limit(SERVICES_NAMED)
                .map(service -> service.name() + " (" + levels(service) + ")")
                .collect(Collectors.joining(", "));
        int more = services.size() - SERVICES_NAMED;
        return more > 0 ? named + " and " + more + " more services" : named;
    }

    private static String levels(ServicePermissions service) {
        return service.levels().stream()
                .map(level -> (level.full() ? "" : "some ") + level.level())
                .collect(Collectors.joining(", "));
    }

    /** AWS managed, a job function policy, or one meant for a service's own role. */
    static String kind(String arn) {
        if (arn.contains(":policy/job-function/")) {
            return "Job function";
        }
        if (arn.contains(":policy/service-role/") || arn.contains(":policy/aws-service-role/")) {
            return "For a service's role";
        }
        return "AWS managed";
    }

    private static int rank(AwsManagedPolicy policy, String joined, List<String> words) {
        String name = normal(policy.name());
        if (name.equals(joined)) {
            return 0;
        }
        if (name.startsWith(joined)) {
            return 1;
        }
        return words.stream().allMatch(word -> searchable(policy).contains(word)) ? 2 : 3;
    }

    /** The policy's access summary as search text, worked out once per policy. */
    private String summary(AwsManagedPolicy policy) {
        return summaries.computeIfAbsent(
                policy.arn(),
                arn -> normal(access(
                        permissions.summarise(new RolePolicies(PLACEHOLDER_ACCOUNT, List.of(), List.of(arn), null)))));
    }

    private static String searchable(AwsManagedPolicy policy) {
        return normal(policy.arn().substring(policy.arn().indexOf(":policy/") + ":policy/".length()));
    }

    private static List<String> words(String query) {
        return List.of(query.trim().split("\\s+")).stream()
                .map(ManagedPolicyPicker::normal)
                .filter(word -> !word.isEmpty())
                .toList();
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * One AWS managed policy as the picker shows it.
     *
     * @param name e.g. {@code ReadOnlyAccess}
     * @param arn the ARN to attach
     * @param kind {@code AWS managed}, {@code Job function} or {@code For a service's role}
     * @param risk the risk level of a role with only this policy
     * @param code the code of the finding behind that risk level, or {@code null} when there is none
     * @param reason that finding's message, or {@code null}
     * @param access the services it grants access to, in one line
     */
    public record ManagedPolicyChoice(
            String name,
            String arn,
            String kind,
            RiskLevel risk,
            @Nullable String code,
            @Nullable String reason,
            String access) {}

    /**
     * An account's customer-managed policies as the picker shows them.
     *
     * @param choices the matching policies, best first
     * @param unavailable why the account's policies are not listed, or {@code null} when they are
     */
    public record CustomerMatches(
            List<ManagedPolicyChoice> choices, @Nullable String unavailable) {}
}
