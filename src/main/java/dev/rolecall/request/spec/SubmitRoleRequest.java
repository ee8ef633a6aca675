package dev.rolecall.request.spec;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a requester files: the role they want and why.
 *
 * @param kind whether the request creates, changes or deletes the role; a DELETE names only the
 *     account and role in its spec
 * @param documentTexts the policy documents as the person typed them, by field ({@code trustPolicy},
 *     {@code inlinePolicies.<name>}), so that finding locations point at that text; a document without
 *     its text is located in its pretty-printed form
 * @param emergency whether the filer breaks the glass: the request applies at once and is reviewed
 *     after the fact; only the people break-glass allows may, and only for CREATE and CHANGE
 * @param emergencyReason why it cannot wait; required for an emergency
 */
public record SubmitRoleRequest(
        RoleSpec spec,
        String justification,
        Map<String, String> documentTexts,
        RequestKind kind,
        boolean emergency,
        @Nullable String emergencyReason) {

    public SubmitRoleRequest {
        documentTexts = Collections.unmodifiableMap(new LinkedHashMap<>(documentTexts));
    }

    /** An ordinary request of this kind, reviewed before it applies. */
    public SubmitRoleRequest(RoleSpec spec, String justification, Map<String, String> documentTexts, RequestKind kind) {
        this(spec, justification, documentTexts, kind, false, null);
    }

    /** A request for a new role. */
    public SubmitRoleRequest(RoleSpec spec, String justification, Map<String, String> documentTexts) {
        this(spec, justification, documentTexts, RequestKind.CREATE);
    }
}
