package dev.rolecall.policy.grammar;

import dev.rolecall.policy.model.PrincipalType;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What IAM accepts as a principal of each type. */
final class PrincipalSyntax {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern AWS_ARN = Pattern.compile(
            "arn:aws[a-z-]*:(iam|sts)::[^:*?\\s]+:(root|user/.+|role/.+|assumed-role/.+|federated-user/.+)");
    private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z]{3}[A-Z0-9]{12,124}");
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern PROVIDER_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(oidc-provider|saml-provider)/[^*?\\s]+");
    private static final Pattern CANONICAL_USER = Pattern.compile("[0-9a-fA-F]{64}");

    private PrincipalSyntax() {}

    /** Null when the value is a well-formed principal of the type, otherwise why it is not. */
    static @Nullable String problem(PrincipalType type, String value) {
        if (type == PrincipalType.AWS && "*".equals(value)) {
            return null;
        }
        if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            return "\"" + value + "\" has a wildcard, which IAM does not accept in a principal: "
                    + "use \"*\" with a condition on aws:PrincipalArn instead";
        }
        return formatProblem(type, value);
    }

    /** Null when the value, free of wildcards, has the format of the type, otherwise what the format is. */
    private static @Nullable String formatProblem(PrincipalType type, String value) {
        return switch (type) {
            case AWS ->
                ACCOUNT.matcher(value).matches()
                                || AWS_ARN.matcher(value).matches()
                                || UNIQUE_ID.matcher(value).matches()
                        ? null
                        : "\"" + value + "\" is not an AWS principal: use a 12-digit account ID or an ARN like "
                                + "arn:aws:iam::123456789012:role/name";
            case SERVICE ->
                HOST.matcher(value).matches() && value.contains(".")
                        ? null
                        : "\"" + value
                                + "\" is not a service principal: use a lower-case name like lambda.amazonaws.com";
            case FEDERATED ->
                PROVIDER_ARN.matcher(value).matches() || (HOST.matcher(value).matches() && value.contains("."))
                        ? null
                        : "\"" + value + "\" is not a federated principal: use an identity provider ARN like "
                                + "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
            case CANONICAL_USER ->
                CANONICAL_USER.matcher(value).matches()
                        ? null
                        : "\"" + value + "\" is not a canonical user ID: 64 hexadecimal characters";
        };
    }
}
