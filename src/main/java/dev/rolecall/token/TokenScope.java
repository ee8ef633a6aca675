package dev.rolecall.token;

import java.util.Optional;

/** What a token may be used for; its owner's roles still apply on top. */
enum TokenScope {
    /** File, revise, retry and roll back requests; analyse and simulate policies. */
    REQUESTS_WRITE("requests:write"),
    /** Read requests, their permissions and changes; analyse and simulate policies. */
    REQUESTS_READ("requests:read"),
    /** Decide on requests (the owner must be a reviewer). */
    DECISIONS_WRITE("decisions:write"),
    /** Read, export and verify the audit trail (the owner must be an auditor or admin). */
    AUDIT_READ("audit:read");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    /** The authority the scope grants, e.g. {@code SCOPE_requests:read}. */
    String authority() {
        return "SCOPE_" + value;
    }

    static Optional<TokenScope> of(String value) {
        for (TokenScope scope : values()) {
            if (scope.value.equals(value)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
