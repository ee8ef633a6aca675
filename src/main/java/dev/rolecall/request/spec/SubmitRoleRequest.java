package dev.rolecall.request.spec;

import dev.rolecall.request.RoleSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a requester files: the role they want and why.
 *
 * @param documentTexts the policy documents as the person typed them, by field ({@code trustPolicy},
 *     {@code inlinePolicies.<name>}), so that finding locations point at that text; a document without
 *     its text is located in its pretty-printed form
 */
public record SubmitRoleRequest(RoleSpec spec, String justification, Map<String, String> documentTexts) {

    public SubmitRoleRequest {
        documentTexts = Collections.unmodifiableMap(new LinkedHashMap<>(documentTexts));
    }
}
