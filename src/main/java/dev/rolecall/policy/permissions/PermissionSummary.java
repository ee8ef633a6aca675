package dev.rolecall.policy.permissions;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A role's effective permissions per service: its identity policies within its permissions boundary,
 * minus what unconditional denies on every resource take away. Services that the boundary empties
 * entirely still appear, with no levels, so that "removed by boundary" stays visible.
 *
 * @param services the services, by prefix
 * @param notAnalysed policies that could not be read, so the summary may be incomplete
 * @param boundaryArn the permissions boundary, or null when the role has none
 * @param boundaryAnalysed false when there is a boundary but its document could not be read: the summary
 *     then shows the identity policies alone and may show more than the role can do
 * @param removedByBoundary how many actions the boundary removes in total
 * @param catalogVersion the IAM action catalog the wildcards were expanded against
 * @param catalogDate the day of its data
 */
public record PermissionSummary(
        List<ServicePermissions> services,
        List<NotAnalysedPolicy> notAnalysed,
        @Nullable String boundaryArn,
        boolean boundaryAnalysed,
        int removedByBoundary,
        String catalogVersion,
        LocalDate catalogDate) {

    public PermissionSummary {
        services = List.copyOf(services);
        notAnalysed = List.copyOf(notAnalysed);
    }

    /** The number of allowed actions over all services. */
    public int allowedActions() {
        return services.stream().mapToInt(ServicePermissions::allowedActions).sum();
    }

    /** Whether the role may do nothing at all (as far as its readable policies tell). */
    public boolean isEmpty() {
        return allowedActions() == 0;
    }

    /** The services with at least one allowed action. */
    public List<ServicePermissions> allowedServices() {
        return services.stream().filter(service -> service.allowedActions() > 0).toList();
    }
}
