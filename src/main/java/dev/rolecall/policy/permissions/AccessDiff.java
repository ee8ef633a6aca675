package dev.rolecall.policy.permissions;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What access a new version of a role adds and takes away, action by action.
 *
 * @param newlyAllowed actions (with the resource patterns) allowed after but not before
 * @param noLongerAllowed actions (with the resource patterns) allowed before but not after
 * @param boundaryBefore the permissions boundary before, or null
 * @param boundaryAfter the permissions boundary after, or null
 * @param notAnalysed policies of either version that could not be read
 * @param summary the change in words: "Newly allowed: 4 actions on 2 services — …"
 */
public record AccessDiff(
        List<AccessChange> newlyAllowed,
        List<AccessChange> noLongerAllowed,
        @Nullable String boundaryBefore,
        @Nullable String boundaryAfter,
        List<NotAnalysedPolicy> notAnalysed,
        String summary) {

    public AccessDiff {
        newlyAllowed = List.copyOf(newlyAllowed);
        noLongerAllowed = List.copyOf(noLongerAllowed);
        notAnalysed = List.copyOf(notAnalysed);
    }

    /** Whether the effective access is the same. */
    public boolean unchanged() {
        return newlyAllowed.isEmpty() && noLongerAllowed.isEmpty();
    }

    /** Whether the boundary changed. */
    public boolean boundaryChanged() {
        return !Objects.equals(boundaryBefore, boundaryAfter);
    }
}
