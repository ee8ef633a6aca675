package dev.rolecall.policy.simulation;

import dev.rolecall.policy.model.PrincipalElement;
import dev.rolecall.policy.model.PrincipalType;
import dev.rolecall.policy.model.PrincipalValue;
import org.jspecify.annotations.Nullable;

/**
 * How far a resource-based policy statement's Principal reaches the caller. The reach matters
 * because AWS treats the grants differently within one account:
 * <ul>
 *   <li>{@link Reach#DIRECT}: names the role session, user or service itself; such a grant is not
 *       limited by the identity policies, the permissions boundary or the session policy;
 *   <li>{@link Reach#ROLE}: names the role; not limited by the identity policies, but by the
 *       boundary and the session policy;
 *   <li>{@link Reach#EVERYONE}: {@code "*"}, or a NotPrincipal that does not exclude the caller;
 *       treated like {@link Reach#ROLE} (the cautious reading: still limited by boundary and
 *       session policy);
 *   <li>{@link Reach#ACCOUNT}: names the caller's account, which delegates to its identity
 *       policies: grants nothing by itself within the account.
 * </ul>
 */
final class PrincipalMatcher {

    enum Reach {
        NONE,
        ACCOUNT,
        EVERYONE,
        ROLE,
        DIRECT
    }

    private PrincipalMatcher() {}

    /**
     * @param deny whether the statement denies
     * @param boundary whether the caller has a permissions boundary (AWS documents that a Deny with
     *     NotPrincipal then always applies to it)
     */
    static Reach reach(PrincipalElement principal, Caller caller, boolean deny, boolean boundary) {
        if (principal.negated()) {
            if (deny && boundary) {
                return Reach.EVERYONE;
            }
            return excludes(principal, caller) ? Reach.NONE : Reach.EVERYONE;
        }
        if (principal.everyone()) {
            return Reach.EVERYONE;
        }
        Reach best = Reach.NONE;
        for (PrincipalValue value : principal.values()) {
            Reach reach = reach(value, caller);
            if (reach.compareTo(best) > 0) {
                best = reach;
            }
        }
        return best;
    }

    private static Reach reach(PrincipalValue value, Caller caller) {
        String text = value.value();
        if (value.type() != PrincipalType.AWS) {
            return text.equals(caller.principal()) ? Reach.DIRECT : Reach.NONE;
        }
        if (value.isAll()) {
            return Reach.EVERYONE;
        }
        if (text.equals(caller.directArn())) {
            return Reach.DIRECT;
        }
        if (text.equals(caller.roleArn())) {
            return Reach.ROLE;
        }
        return namesAccount(text, caller.account()) ? Reach.ACCOUNT : Reach.NONE;
    }

    /**
     * A NotPrincipal excludes the caller only when it lists every identity of the caller's chain. A
     * role given without session never counts as excluded: it calls through a session whose ARN the
     * element would have to list too.
     */
    private static boolean excludes(PrincipalElement principal, Caller caller) {
        if (caller.chain().isEmpty() || caller.kind() == Caller.Kind.ROLE) {
            return false;
        }
        for (String identity : caller.chain()) {
            if (!listed(principal, identity, caller)) {
                return false;
            }
        }
        return true;
    }

    private static boolean listed(PrincipalElement principal, String identity, Caller caller) {
        for (PrincipalValue value : principal.values()) {
            if (value.isAll() && value.type() == PrincipalType.AWS) {
                return true;
            }
            if (value.value().equals(identity)) {
                return true;
            }
            if (identity.equals(caller.account()) && namesAccount(value.value(), caller.account())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesAccount(String text, @Nullable String account) {
        if (account == null) {
            return false;
        }
        return text.equals(account) || (text.startsWith("arn:") && text.endsWith(":iam::" + account + ":root"));
    }
}
