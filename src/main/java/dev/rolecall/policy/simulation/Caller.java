package dev.rolecall.policy.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a request, taken apart from the principal ARN: the account, and the chain of identities
 * a resource-based policy can name (account, role, role session or user).
 *
 * @param kind what the principal is
 * @param principal the principal as given
 * @param account its 12-digit account, or null (services, unknown callers)
 * @param roleArn the role's ARN for roles and role sessions
 * @param directArn the ARN a resource-based policy names to grant this caller directly: the session
 *     ARN, the user ARN or the service principal; null for a role without session and for root
 */
record Caller(
        Kind kind,
        @Nullable String principal,
        @Nullable String account,
        @Nullable String roleArn,
        @Nullable String directArn) {

    enum Kind {
        NONE,
        ROLE,
        ROLE_SESSION,
        USER,
        ROOT,
        SERVICE,
        OTHER
    }

    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):role/(.+)");
    private static final Pattern SESSION = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/(.+)");
    private static final Pattern USER = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):user/.+");
    private static final Pattern ROOT = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):root");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9.-]+\\.amazonaws\\.com(\\.cn)?");

    static final Caller NONE = new Caller(Kind.NONE, null, null, null, null);

    private static final Memo<Caller> PRINCIPALS = new Memo<>(1024);

    /**
     * Takes a principal apart. For a role session, {@code principalArn} (the request's
     * {@code aws:PrincipalArn}, if given) supplies the role's ARN with its path; otherwise the role is
     * assumed to have the path {@code /}.
     */
    static Caller of(@Nullable String principal, @Nullable String principalArn) {
        if (principal == null || principal.isBlank()) {
            return NONE;
        }
        if (principalArn == null) {
            return PRINCIPALS.get(principal, p -> parse(p, null));
        }
        return parse(principal, principalArn);
    }

    private static Caller parse(String principal, @Nullable String principalArn) {
        Matcher m;
        if ((m = ROLE.matcher(principal)).matches()) {
            return new Caller(Kind.ROLE, principal, m.group(2), principal, null);
        }
        if ((m = SESSION.matcher(principal)).matches()) {
            String role = principalArn != null
                    ? principalArn
                    : "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3);
            return new Caller(Kind.ROLE_SESSION, principal, m.group(2), role, principal);
        }
        if ((m = USER.matcher(principal)).matches()) {
            return new Caller(Kind.USER, principal, m.group(2), null, principal);
        }
        if ((m = ROOT.matcher(principal)).matches()) {
            return new Caller(Kind.ROOT, principal, m.group(2), null, null);
        }
        if (SERVICE.matcher(principal).matches()) {
            return new Caller(Kind.SERVICE, principal, null, null, principal);
        }
        return new Caller(Kind.OTHER, principal, null, null, principal);
    }

    /** Whether the caller is an AWS service acting on its own behalf. */
    boolean isService() {
        return kind == Kind.SERVICE;
    }

    /** The ARN that {@code aws:PrincipalArn} holds for this caller, or null. */
    @Nullable
    String principalArn() {
        return switch (kind) {
            case ROLE, ROLE_SESSION -> roleArn;
            case USER, ROOT -> principal;
            default -> null;
        };
    }

    /**
     * The identities a NotPrincipal element must list to exclude this caller: its account (as ID and
     * root ARN count as one), its role and its session or user.
     */
    List<String> chain() {
        List<String> chain = new ArrayList<>(3);
        if (account != null) {
            chain.add(account);
        }
        if (roleArn != null) {
            chain.add(roleArn);
        }
        if (directArn != null) {
            chain.add(directArn);
        }
        return chain;
    }
}
