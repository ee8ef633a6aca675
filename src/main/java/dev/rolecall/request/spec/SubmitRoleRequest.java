package dev.rolecall.request.spec;

import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a requester files: the role they want and why.
 *
 * @param kind whether the request creates, changes or deletes the role; a DELETE names only the
 *     account and role in its spec
 * @param documentTexts the policy documents as the person typed them, by field ({@code trustPolicy},
 *     {@code inlinePolicies.<name>}), so that finding locations point at that text; a document without
 *     its text is located in its pretty-printed form
 */
public record SubmitRoleRequest(
        RoleSpec spec, String justification, Map<String, String> documentTexts, RequestKind kind) {

    public SubmitRoleRequest {
        documentTexts = Collections.unmodifiableMap(new LinkedHashMap<>(documentTexts));
    }

    /** A request for a new role. */
    public SubmitRoleRequest(RoleSpec spec, String justification, Map<String, String> documentTexts) {
        this(spec, justification, documentTexts, RequestKind.CREATE);
    }
}
