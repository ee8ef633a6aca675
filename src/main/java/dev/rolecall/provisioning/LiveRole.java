package dev.rolecall.provisioning;

import dev.rolecall.request.RoleSpec;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A role as it exists in AWS at the moment it was read.
 *
 * @param spec the role as a request would ask for it: its tags without Rolecall's own ({@code
 *     managed-by} and {@code rolecall:request-id}), and no expiry
 * @param arn its ARN
 * @param roleId IAM's unique id of the role ({@code AROA…}), which changes when a role of the same
 *     name is deleted and created again
 * @param createdAt when IAM created it
 * @param instanceProfileNames the instance profiles it is in
 * @param tags every tag on the role, Rolecall's own included
 * @param readAt when it was read
 */
public record LiveRole(
        RoleSpec spec,
        String arn,
        String roleId,
        Instant createdAt,
        List<String> instanceProfileNames,
        Map<String, String> tags,
        Instant readAt) {

    /** The tag Rolecall puts on every role it creates, with the value {@value #MANAGED_BY_VALUE}. */
    public static final String MANAGED_BY_TAG = ChangePlanner.MANAGED_BY_TAG;

    public static final String MANAGED_BY_VALUE = ChangePlanner.MANAGED_BY_VALUE;

    /** The tag naming the request that created the role. */
    public static final String REQUEST_ID_TAG = ChangePlanner.REQUEST_ID_TAG;

    public LiveRole {
        instanceProfileNames = List.copyOf(instanceProfileNames);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Whether the role carries Rolecall's {@code managed-by=rolecall} tag. */
    public boolean managedByRolecall() {
        return MANAGED_BY_VALUE.equals(tags.get(MANAGED_BY_TAG));
    }

    /** The id of the request that created the role, when Rolecall created it. */
    public @Nullable String createdByRequest() {
        return tags.get(REQUEST_ID_TAG);
    }
}
