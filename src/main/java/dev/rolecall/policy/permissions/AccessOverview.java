package dev.rolecall.policy.permissions;

import dev.rolecall.policy.catalog.AccessLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A list of allowed actions as a reviewer reads it first: the risky ones by concern, then how many
 * actions each service gets, services with risky or writing actions first.
 *
 * @param concerns the concerns with at least one action, most dangerous first
 * @param services every service with at least one action, in the order described above
 * @param actions how many actions in all
 */
public record AccessOverview(List<ConcernGroup> concerns, List<ServiceAccess> services, int actions) {

    public AccessOverview {
        concerns = List.copyOf(concerns);
        services = List.copyOf(services);
    }

    /** The overview of entries that {@link RolePermissionsService} classified. */
    public static AccessOverview of(List<AccessEntry> entries) {
        Map<AccessConcern, List<AccessEntry>> byConcern = new EnumMap<>(AccessConcern.class);
        Map<String, ServiceCounter> byService = new LinkedHashMap<>();
        for (AccessEntry entry : entries) {
            if (entry.concern() != null) {
                byConcern
                        .computeIfAbsent(entry.concern(), concern -> new ArrayList<>())
                        .add(entry);
            }
            byService
                    .computeIfAbsent(entry.service(), prefix -> new ServiceCounter(prefix, entry.serviceName()))
                    .add(entry);
        }
        List<ConcernGroup> concerns = new ArrayList<>();
        byConcern.forEach((concern, list) -> concerns.add(new ConcernGroup(concern, list)));
        List<ServiceAccess> services = byService.values().stream()
                .map(ServiceCounter::toServiceAccess)
                .sorted(ServiceAccess.WHAT_MATTERS)
                .toList();
        return new AccessOverview(concerns, services, entries.size());
    }

    /** Whether no action is allowed. */
    public boolean isEmpty() {
        return actions == 0;
    }

    /** How many actions are risky. */
    public int concerning() {
        return concerns.stream().mapToInt(group -> group.entries().size()).sum();
    }

    /** The first {@code count} services. */
    public List<ServiceAccess> firstServices(int count) {
        return services.subList(0, Math.min(count, services.size()));
    }

    /**
     * The allowed actions of one concern.
     *
     * @param entries the actions, by service and name
     */
    public record ConcernGroup(AccessConcern concern, List<AccessEntry> entries) {

        public ConcernGroup {
            entries = List.copyOf(entries);
        }

        /** The first {@code count} actions. */
        public List<AccessEntry> first(int count) {
            return entries.subList(0, Math.min(count, entries.size()));
        }
    }

    /**
     * How many actions of one service are allowed, per access level.
     *
     * @param concerning how many of them are risky
     * @param topConcern the most dangerous concern among them, or null
     * @param resources the resource patterns they are allowed on, {@code *} for every resource
     */
    public record ServiceAccess(
            String prefix,
            String name,
            int list,
            int read,
            int write,
            int permissionsManagement,
            int tagging,
            int concerning,
            @Nullable AccessConcern topConcern,
            List<String> resources) {

        public ServiceAccess {
            resources = List.copyOf(resources);
        }

        /**
         * The most dangerous concern first, then the most risky actions, then the most actions that change
         * something, then the most actions, then by prefix.
         */
        static final Comparator<ServiceAccess> WHAT_MATTERS = Comparator.comparing(
                        ServiceAccess::topConcern, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Comparator.comparingInt(ServiceAccess::concerning)
                        .thenComparingInt(service -> service.permissionsManagement() + service.write())
                        .thenComparingInt(ServiceAccess::actions)
                        .reversed())
                .thenComparing(ServiceAccess::prefix);

        /** The number of allowed actions over all levels. */
        public int actions() {
            return list + read + write + permissionsManagement + tagging;
        }

        /** Whether some of them are allowed on every resource. */
        public boolean onEveryResource() {
            return resources.contains("*");
        }
    }

    private static final class ServiceCounter {
        private final String prefix;
        private final String name;
        private final Map<AccessLevel, Integer> levels = new EnumMap<>(AccessLevel.class);
        private int concerning;
        private @Nullable AccessConcern topConcern;
        private final Set<String> resources = new LinkedHashSet<>();

        ServiceCounter(String prefix, String name) {
            this.prefix = prefix;
            this.name = name;
        }

        void add(AccessEntry entry) {
            levels.merge(AccessLevel.ofLabel(entry.level()), 1, Integer::sum);
            if (entry.concern() != null) {
                concerning++;
                if (topConcern == null || entry.concern().compareTo(topConcern) < 0) {
                    topConcern = entry.concern();
                }
            }
            resources.addAll(entry.resources());
        }

        ServiceAccess toServiceAccess() {
            return new ServiceAccess(
                    prefix,
                    name,
                    count(AccessLevel.LIST),
                    count(AccessLevel.READ),
                    count(AccessLevel.WRITE),
                    count(AccessLevel.PERMISSIONS_MANAGEMENT),
                    count(AccessLevel.TAGGING),
                    concerning,
                    topConcern,
                    List.copyOf(resources));
        }

        private int count(AccessLevel level) {
            return levels.getOrDefault(level, 0);
        }
    }
}
