package dev.rolecall.policy.findings;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads principal values of trust policies: accounts, roots, identity providers. */
final class Principals {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern PRINCIPAL_ARN = Pattern.compile("arn:[a-z-]+:(?:iam|sts)::(\\d{12}):(.*)");
    private static final Pattern OIDC_PROVIDER = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:oidc-provider/(.+)");
    private static final Pattern SAML_PROVIDER = Pattern.compile("arn:[a-z-]+:iam::\\d{12}:saml-provider/.+");
    private static final Pattern GITHUB = Pattern.compile(
            "token\\.actions\\.githubusercontent\\.com(/.*)?|token\\.actions\\.[^/]+\\.ghe\\.com",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EKS =
            Pattern.compile("oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/id/.+", Pattern.CASE_INSENSITIVE);

    private Principals() {}

    /** The account of an AWS principal (account ID or IAM/STS ARN), or null. */
    static @Nullable String accountOf(String principal) {
        if (ACCOUNT_ID.matcher(principal).matches()) {
            return principal;
        }
        Matcher arn = PRINCIPAL_ARN.matcher(principal);
        return arn.matches() ? arn.group(1) : null;
    }

    /** Whether an AWS principal names a whole account: its ID or its {@code :root}. */
    static boolean isAccountRoot(String principal) {
        if (ACCOUNT_ID.matcher(principal).matches()) {
            return true;
        }
        Matcher arn = PRINCIPAL_ARN.matcher(principal);
        return arn.matches() && arn.group(2).equals("root");
    }

    /**
     * The OIDC provider's host and path as condition keys use it (e.g. {@code token.actions.githubusercontent.com}),
     * for an OIDC provider ARN or a well-known web identity provider; null for SAML and anything else.
     */
    static @Nullable String oidcProvider(String federated) {
        Matcher provider = OIDC_PROVIDER.matcher(federated);
        if (provider.matches()) {
            return provider.group(1);
        }
        if (SAML_PROVIDER.matcher(federated).matches() || federated.startsWith("arn:")) {
            return null;
        }
        return federated.contains(".") ? federated : null;
    }

    static boolean isSaml(String federated) {
        return SAML_PROVIDER.matcher(federated).matches();
    }

    static boolean isGitHubActions(String provider) {
        return GITHUB.matcher(provider).matches();
    }

    static boolean isEks(String provider) {
        return EKS.matcher(provider).matches();
    }
}
