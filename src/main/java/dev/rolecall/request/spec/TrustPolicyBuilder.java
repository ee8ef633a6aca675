package dev.rolecall.request.spec;

import dev.rolecall.request.spec.TrustChoice.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a role's trust policy from a {@link TrustChoice}: the one implementation behind the form's
 * trust builder, its live preview and the request that is filed. Every policy it writes names one
 * principal and narrows it (ExternalId, OIDC {@code sub} and {@code aud}, SAML audience, source
 * account), so that the analysis finds nothing blocking or high in it; fields that would need a
 * wildcard in the wrong place, or an account outside the registry, are refused instead.
 */
public final class TrustPolicyBuilder {

    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(\\.cn)?");
    static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    static final Pattern EKS_PROVIDER = Pattern.compile(
            "(?:https://|arn:aws:iam::(\\d{12}):oidc-provider/)?(oidc\\.eks\\.[a-z0-9-]+\\.amazonaws\\.com/id/[A-Za-z0-9]{8,64})");
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    static final Pattern GITHUB_OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    static final Pattern GITHUB_REF = Pattern.compile("[A-Za-z0-9._/*?+@-]{1,255}");
    static final Pattern SAML_PROVIDER = Pattern.compile("(?:arn:aws:iam::(\\d{12}):saml-provider/)?([\\w.-]{1,128})");
    static final Pattern SAML_AUDIENCE = Pattern.compile("(https://|urn:)[^\\s\"*?]{3,1000}");
    static final String GITHUB_ISSUER = "token.actions.githubusercontent.com";

    private TrustPolicyBuilder() {}

    /** The trust policy written from the choice, or the problems (with form field names) that stop it. */
    public record Result(@Nullable ObjectNode policy, List<FieldProblem> problems) {}

    /**
     * Writes the trust policy for a role in {@code targetAccount}.
     *
     * @param knownAccounts the registry's accounts: another account must be one of them
     */
    public static Result build(TrustChoice choice, String targetAccount, Set<String> knownAccounts) {
        List<FieldProblem> problems = new ArrayList<>();
        String target = targetAccount.strip();
        if (choice.kind() != Kind.ACCOUNT
                && choice.kind() != Kind.JSON
                && !ACCOUNT_ID.matcher(target).matches()) {
            problems.add(new FieldProblem("trust.kind", "Choose the account above first: the trust policy names it"));
            return new Result(null, problems);
        }
        @Nullable
        ObjectNode statement = switch (choice.kind()) {
            case SERVICE -> service(choice, target, problems);
            case ACCOUNT -> account(choice, knownAccounts, problems);
            case EKS -> eks(choice, target, problems);
            case GITHUB -> github(choice, target, problems);
            case SAML -> saml(choice, target, problems);
            case JSON -> null;
        };
        if (statement == null || !problems.isEmpty()) {
            return new Result(null, problems);
        }
        ObjectNode policy = RoleSpecConverter.JSON.createObjectNode().put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return new Result(policy, List.of());
    }

    private static ObjectNode service(TrustChoice choice, String target, List<FieldProblem> problems) {
        String service = choice.service().strip().toLowerCase(Locale.ROOT);
        require(
                SERVICE.matcher(service).matches(),
                "trust.service",
                "Choose a service principal such as lambda.amazonaws.com",
                problems);
        String sourceArn = choice.sourceArn().strip();
        if (!sourceArn.isEmpty()) {
            checkSourceArn(sourceArn, choice.sourceAccount(), target, problems);
        }
        ObjectNode statement = statement("Service", service, "sts:AssumeRole");
        if (choice.sourceAccount()) {
            ObjectNode condition = statement.putObject("Condition");
            condition.putObject("StringEquals").put("aws:SourceAccount", target);
            if (!sourceArn.isEmpty()) {
                condition.putObject("ArnLike").put("aws:SourceArn", sourceArn);
            }
        }
        return statement;
    }

    private static void checkSourceArn(
            String sourceArn, boolean sourceAccount, String target, List<FieldProblem> problems) {
        require(
                sourceAccount,
                "trust.sourceArn",
                "A source ARN narrows the source account: keep \"only for this account\" ticked",
                problems);
        require(
                sourceArn.startsWith("arn:aws:") && sourceArn.contains(":" + target + ":"),
                "trust.sourceArn",
                "The source ARN must be an ARN in account " + target + ", e.g. arn:aws:sns:eu-west-1:" + target
                        + ":my-topic",
                problems);
    }

    private static ObjectNode account(TrustChoice choice, Set<String> knownAccounts, List<FieldProblem> problems) {
        String account = choice.account().strip();
        if (!ACCOUNT_ID.matcher(account).matches()) {
            problems.add(new FieldProblem("trust.account", "An AWS account id is 12 digits, like 111122223333"));
        } else {
            require(
                    knownAccounts.contains(account),
                    "trust.account",
                    "Account " + account + " is not in Rolecall's account registry; ask an admin to add it first",
                    problems);
        }
        String externalId = choice.externalId().strip();
        require(
                EXTERNAL_ID.matcher(externalId).matches(),
                "trust.externalId",
                "An ExternalId is 2–1224 characters: letters, digits and + = , . @ : / - _",
                problems);
        ObjectNode statement = statement("AWS", "arn:aws:iam::" + account + ":root", "sts:AssumeRole");
        ObjectNode condition = statement.putObject("Condition");
        condition.putObject("StringEquals").put("sts:ExternalId", externalId);
        if (choice.requireMfa()) {
            condition.putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
        }
        return statement;
    }

    private static ObjectNode eks(TrustChoice choice, String target, List<FieldProblem> problems) {
        String host = eksHost(choice.oidcProvider().strip(), target, problems);
        String namespace = choice.namespace().strip();
        String serviceAccount = choice.serviceAccount().strip();
        require(
                DNS_LABEL.matcher(namespace).matches(),
                "trust.namespace",
                "A namespace is 1–63 lower-case letters, digits and -, with no wildcard",
                problems);
        require(
                DNS_NAME.matcher(serviceAccount).matches(),
                "trust.serviceAccount",
                "A service account name is lower-case letters, digits, - and ., with no wildcard",
                problems);
        ObjectNode statement = federated(target, "oidc-provider/" + host, "sts:AssumeRoleWithWebIdentity");
        statement
                .putObject("Condition")
                .putObject("StringEquals")
                .put(host + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount)
                .put(host + ":aud", TrustChoice.STS_AUDIENCE);
        return statement;
    }

    /** The host/path of the cluster's OIDC provider, or empty (with a problem) when it is not one. */
    private static String eksHost(String oidcProvider, String target, List<FieldProblem> problems) {
        Matcher provider = EKS_PROVIDER.matcher(oidcProvider);
        if (!provider.matches()) {
            problems.add(new FieldProblem(
                    "trust.oidcProvider",
                    "Paste the cluster's OpenID Connect provider URL, like "
                            + "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"));
            return "";
        }
        require(
                provider.group(1) == null || provider.group(1).equals(target),
                "trust.oidcProvider",
                "The OIDC provider must be registered in the role's account, " + target,
                problems);
        return provider.group(2);
    }

    private static ObjectNode github(TrustChoice choice, String target, List<FieldProblem> problems) {
        String org = choice.githubOrg().strip();
        String repo = choice.githubRepo().strip();
        String ref = choice.githubRef().strip();
        checkGitHub(org, repo, ref, problems);
        String sub = "repo:" + org + "/" + repo + ":" + gitHubRefPrefix(choice.githubRefType()) + ref;
        ObjectNode statement = federated(target, "oidc-provider/" + GITHUB_ISSUER, "sts:AssumeRoleWithWebIdentity");
        ObjectNode condition = statement.putObject("Condition");
        ObjectNode equals = condition.putObject("StringEquals").put(GITHUB_ISSUER + ":aud", TrustChoice.STS_AUDIENCE);
        (hasWildcard(ref) ? condition.putObject("StringLike") : equals).put(GITHUB_ISSUER + ":sub", sub);
        return statement;
    }

    private static void checkGitHub(String org, String repo, String ref, List<FieldProblem> problems) {
        require(
                GITHUB_OWNER.matcher(org).matches(),
                "trust.githubOrg",
                "Name the organisation or user exactly (letters, digits and -); wildcards are not allowed here",
                problems);
        require(
                GITHUB_REPO.matcher(repo).matches(),
                "trust.githubRepo",
                "Name the repository exactly (letters, digits, . _ -); wildcards are not allowed here",
                problems);
        require(
                GITHUB_REF.matcher(ref).matches(),
                "trust.githubRef",
                "Name the branch, tag or environment; * and ? are allowed here, spaces and : are not",
                problems);
    }

    /** What precedes the branch, tag or environment name in a GitHub Actions token's {@code sub}. */
    static String gitHubRefPrefix(TrustChoice.GitHubRef type) {
        return switch (type) {
            case BRANCH -> "ref:refs/heads/";
            case TAG -> "ref:refs/tags/";
            case ENVIRONMENT -> "environment:";
        };
    }

    private static ObjectNode saml(TrustChoice choice, String target, List<FieldProblem> problems) {
        Matcher provider = SAML_PROVIDER.matcher(choice.samlProvider().strip());
        String name = "";
        if (!provider.matches()) {
            problems.add(new FieldProblem(
                    "trust.samlProvider",
                    "Give the SAML provider's ARN, like arn:aws:iam::" + target + ":saml-provider/Okta"));
        } else {
            name = provider.group(2);
            require(
                    provider.group(1) == null || provider.group(1).equals(target),
                    "trust.samlProvider",
                    "The SAML provider must be registered in the role's account, " + target,
                    problems);
        }
        String audience = choice.samlAudience().strip();
        require(
                SAML_AUDIENCE.matcher(audience).matches(),
                "trust.samlAudience",
                "The SAML audience is the sign-in URL, usually " + TrustChoice.AWS_SIGN_IN,
                problems);
        ObjectNode statement = federated(target, "saml-provider/" + name, "sts:AssumeRoleWithSAML");
        statement.putObject("Condition").putObject("StringEquals").put("SAML:aud", audience);
        return statement;
    }

    /** Says in words what a GitHub branch, tag or environment pattern lets run. */
    public static String explainGitHubRef(TrustChoice choice) {
        String ref = choice.githubRef().strip();
        String what = switch (choice.githubRefType()) {
            case BRANCH -> "branch";
            case TAG -> "tag";
            case ENVIRONMENT -> "environment";
        };
        String repo = choice.githubOrg().strip() + "/" + choice.githubRepo().strip();
        if (ref.isEmpty()) {
            return "Name the " + what + " whose workflows may assume the role.";
        }
        if (ref.equals("*")) {
            return "* alone: workflows on every " + what + " of " + repo
                    + " may assume the role, including ones anyone with write access can create.";
        }
        if (!hasWildcard(ref)) {
            return "Only workflows on the " + what + " " + ref + " of " + repo + " may assume the role.";
        }
        return "Wildcards: * matches any characters, including /; ? matches one character. \"" + ref
                + "\" lets workflows on every matching " + what + " of " + repo
                + " assume the role; only " + repo + " itself can match.";
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static ObjectNode statement(String principalType, String principal, String action) {
        ObjectNode statement = RoleSpecConverter.JSON.createObjectNode().put("Effect", "Allow");
        statement.putObject("Principal").put(principalType, principal);
        statement.put("Action", action);
        return statement;
    }

    private static ObjectNode federated(String target, String provider, String action) {
        return statement("Federated", "arn:aws:iam::" + target + ":" + provider, action);
    }

    private static void require(boolean holds, String field, String message, List<FieldProblem> problems) {
        if (!holds) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
