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
        Candidate candidate = candidate(statement.path("Principal"), statement.path("Condition"));
        if (candidate == null) {
            return Optional.empty();
        }
        String target = candidate.target().isEmpty() ? roleAccount : candidate.target();
        TrustPolicyBuilder.Result built = TrustPolicyBuilder.build(candidate.choice(), target, knownAccounts);
        return policy.equals(built.policy()) ? Optional.of(candidate.choice()) : Optional.empty();
    }

    /** The fields read from a policy, and the account its principal names, empty when it names none. */
    private record Candidate(TrustChoice choice, String target) {}

    private static @Nullable Candidate candidate(JsonNode principal, JsonNode condition) {
        if (principal.path("Service").isString()) {
            String target = text(condition.path("StringEquals").path("aws:SourceAccount"));
            TrustChoice choice = serviceChoice(
                    text(principal.path("Service")),
                    !target.isEmpty(),
                    text(condition.path("ArnLike").path("aws:SourceArn")));
            return new Candidate(choice, target);
        }
        if (principal.path("AWS").isString()) {
            TrustChoice choice = accountChoice(
                    between(text(principal.path("AWS")), "arn:aws:iam::", ":root"),
                    text(condition.path("StringEquals").path("sts:ExternalId")),
                    condition.path("Bool").has("aws:MultiFactorAuthPresent"));
            return new Candidate(choice, "");
        }
        if (principal.path("Federated").isString()) {
            String federated = text(principal.path("Federated"));
            TrustChoice choice = federated(federated, condition);
            return choice == null ? null : new Candidate(choice, between(federated, "arn:aws:iam::", ":"));
        }
        return null;
    }

    private static @Nullable TrustChoice federated(String federated, JsonNode condition) {
        JsonNode equals = condition.path("StringEquals");
        if (federated.contains(":saml-provider/")) {
            return samlChoice(federated, text(equals.path("SAML:aud")));
        }
        String provider = federated.substring(federated.indexOf("oidc-provider/") + "oidc-provider/".length());
        String sub = text(equals.path(provider + ":sub"));
        if (provider.equals(TrustPolicyBuilder.GITHUB_ISSUER)) {
            return github(sub.isEmpty() ? text(condition.path("StringLike").path(provider + ":sub")) : sub);
        }
        String[] parts = sub.split(":", 4);
        return parts.length == 4 ? eksChoice(provider, parts[2], parts[3]) : null;
    }

    private static @Nullable TrustChoice github(String sub) {
        int slash = sub.indexOf('/');
        int colon = sub.indexOf(':', SUB_PREFIX.length());
        if (!sub.startsWith(SUB_PREFIX) || slash < 0 || colon < slash) {
            return null;
        }
        String rest = sub.substring(colon + 1);
        GitHubRef type = refType(rest);
        if (type == null) {
            return null;
        }
        return gitHubChoice(
                sub.substring(SUB_PREFIX.length(), slash),
                sub.substring(slash + 1, colon),
                type,
                rest.substring(TrustPolicyBuilder.gitHubRefPrefix(type).length()));
    }

    /** The kind of GitHub ref a {@code sub}'s part after the repository names, if any. */
    private static @Nullable GitHubRef refType(String rest) {
        for (GitHubRef type : GitHubRef.values()) {
            if (rest.startsWith(TrustPolicyBuilder.gitHubRefPrefix(type))) {
                return type;
            }
        }
        return null;
    }

    private static TrustChoice serviceChoice(String service, boolean sourceAccount, String sourceArn) {
        return new TrustChoice(
                Kind.SERVICE,
                service,
                sourceAccount,
                sourceArn,
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
    }

    private static TrustChoice accountChoice(String account, String externalId, boolean requireMfa) {
        return new TrustChoice(
                Kind.ACCOUNT,
                "",
                true,
                "",
                account,
                externalId,
                requireMfa,
                "",
                "",
                "",
                "",
                "",
                GitHubRef.BRANCH,
                "",
                "",
                TrustChoice.AWS_SIGN_IN);
    }

    private static TrustChoice samlChoice(String samlProvider, String samlAudience) {
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
                samlProvider,
                samlAudience);
    }

    private static TrustChoice eksChoice(String provider, String namespace, String serviceAccount) {
        return new TrustChoice(
                Kind.EKS,
                "",
                true,
                "",
                "",
                "",
                false,
                "https://" + provider,
                namespace,
                serviceAccount,
                "",
                "",
                GitHubRef.BRANCH,
                "",
                "",
                TrustChoice.AWS_SIGN_IN);
    }

    private static TrustChoice gitHubChoice(String org, String repo, GitHubRef type, String ref) {
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
                org,
                repo,
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
