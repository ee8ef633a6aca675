package dev.rolecall.policy.simulation;

import dev.rolecall.policy.permissions.AccessRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request prepared for evaluation: context keys folded to lower case (IAM matches key names without
 * regard to case), the caller taken apart, the resource's account worked out, and
 * {@code aws:PrincipalArn} / {@code aws:PrincipalAccount} filled in from the principal when the
 * request did not set them, as AWS always does.
 */
final class RequestContext {

    private final String action;
    private final String resource;
    private final Caller caller;
    private final @Nullable String resourceAccount;
    private final Map<String, List<String>> keys;

    RequestContext(AccessRequest request) {
        this.action = request.action();
        this.resource = request.resource();
        Map<String, List<String>> folded = new HashMap<>();
        request.context().forEach((key, values) -> folded.put(key.toLowerCase(Locale.ROOT), values));
        List<String> principalArn = folded.get("aws:principalarn");
        this.caller = Caller.of(
                request.principal(), principalArn != null && principalArn.size() == 1 ? principalArn.get(0) : null);
        if (caller.principalArn() != null) {
            folded.putIfAbsent("aws:principalarn", List.of(caller.principalArn()));
        }
        if (caller.account() != null) {
            folded.putIfAbsent("aws:principalaccount", List.of(caller.account()));
        }
        this.keys = folded;
        this.resourceAccount = resourceAccount(request, caller);
    }

    private static @Nullable String resourceAccount(AccessRequest request, Caller caller) {
        if (request.resourceAccount() != null && !request.resourceAccount().isBlank()) {
            return request.resourceAccount();
        }
        String[] parts = request.resource().split(":", 6);
        if (parts.length == 6 && isAccountId(parts[4])) {
            return parts[4];
        }
        return caller.account();
    }

    private static boolean isAccountId(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    String action() {
        return action;
    }

    String resource() {
        return resource;
    }

    Caller caller() {
        return caller;
    }

    /**
     * Whether the resource is in another account than the caller's. Unknown accounts count as the
     * same account.
     */
    boolean crossAccount() {
        return caller.account() != null
                && resourceAccount != null
                && !caller.account().equals(resourceAccount);
    }

    @Nullable
    String resourceAccount() {
        return resourceAccount;
    }

    /** The values of a context key (name in any case); null when the key is absent or has no values. */
    @Nullable
    List<String> values(String key) {
        List<String> values = keys.get(key.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values;
    }
}
