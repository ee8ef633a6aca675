package dev.rolecall.request.spec;

import dev.rolecall.request.spec.TrustChoice.GitHubRef;
import dev.rolecall.request.spec.TrustChoice.Kind;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a trust policy back into the builder's fields when it is exactly what the
 * {@link TrustPolicyBuilder} would write, so that JSON edited by hand, or a filed revision,
 * re-opens in the builder. The fields are read loosely, then the policy is built again and must
 * equal the one given: the builder stays the only definition of each pattern.
 */
public final class TrustPolicyPatterns {

    private static final String SUB_PREFIX = "repo:";

    private TrustPolicyPatterns() {}

    /**
     * The builder's fields for this policy, or empty when the builder would not write it.
     *
     * @param roleAccount the role's account, for a service trust without a source account condition
     */
    public static Optional<TrustChoice> recognise(JsonNode policy, String roleAccount, Set<String> knownAccounts) {
        JsonNode statement = policy.path("Statement").path(0);
        JsonNode principal = statement.path("Principal");
        JsonNode condition = statement.path("Condition");
        TrustChoice candidate = null;
        String target = "";
        if (principal.path("Service").isString()) {
            target = text(condition.path("StringEquals").path("aws:SourceAccount"));
            candidate = new TrustChoice(
                    Kind.SERVICE,
                    text(principal.path("Service")),
                    !target.isEmpty(),
                    text(condition.path("ArnLike").path("aws:SourceArn")),
                    "",
                    "",
                    false,
                    "",
                    "",
                    "",
                    "",
                    "",
                    GitHubRef.BRANCH,
                    "",
                    "",
                    TrustChoice.AWS_SIGN_IN);
        } else if (principal.path("AWS").isString()) {
            String account = between(text(principal.path("AWS")), "arn:aws:iam::", ":root");
            candidate = new TrustChoice(
                    Kind.ACCOUNT,
                    "",
                    true,
                    "",
                    account,
                    text(condition.path("StringEquals").path("sts:ExternalId")),
                    condition.path("Bool").has("aws:MultiFactorAuthPresent"),
                    "",
                    "",
                    "",
                    "",
                    "",
                    GitHubRef.BRANCH,
                    "",
                    "",
                    TrustChoice.AWS_SIGN_IN);
        } else if (principal.path("Federated").isString()) {
            String federated = text(principal.path("Federated"));
            target = between(federated, "arn:aws:iam::", ":");
            candidate = federated(federated, condition);
        }
        if (candidate == null) {
            return Optional.empty();
        }
        TrustPolicyBuilder.Result built =
                TrustPolicyBuilder.build(candidate, target.isEmpty() ? roleAccount : target, knownAccounts);
        return policy.equals(built.policy()) ? Optional.of(candidate) : Optional.empty();
    }

    private static @Nullable TrustChoice federated(String federated, JsonNode condition) {
        JsonNode equals = condition.path("StringEquals");
        if (federated.contains(":saml-provider/")) {
            return new TrustChoice(
                    Kind.SAML,
                    "",
                    true,
                    "",
                    "",
                    "",
                    false,
                    "",
                    "",
                    "",
                    "",
                    "",
                    GitHubRef.BRANCH,
                    "",
                    federated,
                    text(equals.path("SAML:aud")));
        }
        String provider = federated.substring(federated.indexOf("oidc-provider/") + "oidc-provider/".length());
        String sub = text(equals.path(provider + ":sub"));
        if (provider.equals(TrustPolicyBuilder.GITHUB_ISSUER)) {
            return github(sub.isEmpty() ? text(condition.path("StringLike").path(provider + ":sub")) : sub);
        }
        String[] parts = sub.split(":", 4);
        if (parts.length != 4) {
            return null;
        }
        return new TrustChoice(
                Kind.EKS,
                "",
                true,
                "",
                "",
                "",
                false,
                "https://" + provider,
                parts[2],
                parts[3],
                "",
                "",
                GitHubRef.BRANCH,
                "",
                "",
                TrustChoice.AWS_SIGN_IN);
    }

    private static @Nullable TrustChoice github(String sub) {
        int slash = sub.indexOf('/');
        int colon = sub.indexOf(':', SUB_PREFIX.length());
        if (!sub.startsWith(SUB_PREFIX) || slash < 0 || colon < slash) {
            return null;
        }
        String rest = sub.substring(colon + 1);
        GitHubRef type;
        String ref;
        if (rest.startsWith("ref:refs/heads/")) {
            type = GitHubRef.BRANCH;
            ref = rest.substring("ref:refs/heads/".length());
        } else if (rest.startsWith("ref:refs/tags/")) {
            type = GitHubRef.TAG;
            ref = rest.substring("ref:refs/tags/".length());
        } else if (rest.startsWith("environment:")) {
            type = GitHubRef.ENVIRONMENT;
            ref = rest.substring("environment:".length());
        } else {
            return null;
        }
        return new TrustChoice(
                Kind.GITHUB,
                "",
                true,
                "",
                "",
                "",
                false,
                "",
                "",
                "",
                sub.substring(SUB_PREFIX.length(), slash),
                sub.substring(slash + 1, colon),
                type,
                ref,
                "",
                TrustChoice.AWS_SIGN_IN);
    }

    private static String between(String text, String prefix, String suffix) {
        if (!text.startsWith(prefix)) {
            return "";
        }
        int end = text.indexOf(suffix, prefix.length());
        return end < 0 ? "" : text.substring(prefix.length(), end);
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : "";
    }
}
