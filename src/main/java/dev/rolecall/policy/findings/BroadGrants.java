package dev.rolecall.policy.findings;

import dev.rolecall.policy.access.EffectivePermissions;
import dev.rolecall.policy.access.Grant;
import dev.rolecall.policy.catalog.ActionSet;
import dev.rolecall.policy.catalog.IamAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The grants that reach every resource of an action's type: {@code *} and NotResource, and ARN
 * patterns that match every resource of the type in every account ({@code arn:aws:iam::*:role/*}) or
 * in one named account ({@code arn:aws:iam::111122223333:role/*}). The {@code *-star} checks read
 * these instead of the literal {@code *}, so that a wildcard written as an ARN is no way around them.
 */
final class BroadGrants {

    /**
     * One grant's actions on every resource of their type.
     *
     * @param grant the grant
     * @param actions the actions it allows on every resource of their type
     * @param account null for every account; else the one account the patterns cover
     * @param patterns the resource patterns that cover them; empty for {@code *} or NotResource
     * @param types the resource types covered per service, e.g. {@code iam → role}; empty for {@code *}
     *     or NotResource
     */
    record Broad(
            Grant grant,
            ActionSet actions,
            @Nullable String account,
            List<String> patterns,
            Map<String, Set<String>> types) {

        boolean everyAccount() {
            return account == null;
        }

        /** Whether ARN patterns reach this far only under the grant's conditions ({@code *} is never weakened). */
        boolean conditional() {
            return !patterns.isEmpty() && grant.isConditional();
        }

        /**
         * Where these of its actions are allowed, in words: {@code every resource}, or e.g. {@code every
         * role in every account (arn:aws:iam::*:role/*)}.
         */
        String words(ActionSet some) {
            if (patterns.isEmpty()) {
                return "every resource";
            }
            Set<String> named = new TreeSet<>();
            Set<String> services = new HashSet<>();
            some.intersect(actions).actions().forEach(action -> {
                Set<String> covered = types.getOrDefault(action.service(), Set.of());
                action.resourceTypes().stream().filter(covered::contains).forEach(named::add);
                services.add(action.service());
            });
            List<String> reaching = patterns.stream()
                    .filter(pattern -> !servicesOf(pattern, services).isEmpty())
                    .toList();
            return "every " + String.join(", ", named) + " in " + (account == null ? "every account" : account) + " ("
                    + String.join(", ", reaching) + ")";
        }
    }

    private final List<Broad> broad;
    private final ActionSet everyAccount;
    private final ActionSet anyAccount;

    BroadGrants(EffectivePermissions effective, ResourceReach reach, ActionSet none) {
        List<Broad> found = new ArrayList<>();
        for (Grant grant : effective.grants()) {
            if (grant.allResources()) {
                found.add(new Broad(grant, grant.actions(), null, List.of(), Map.of()));
            } else {
                covered(grant, reach, found);
            }
        }
        this.broad = List.copyOf(found);
        ActionSet every = none;
        ActionSet any = none;
        for (Broad grant : broad) {
            any = any.union(grant.actions());
            if (grant.everyAccount()) {
                every = every.union(grant.actions());
            }
        }
        this.everyAccount = every;
        this.anyAccount = any;
    }

    /** The actions allowed on every resource of their type in every account. */
    ActionSet everyAccount() {
        return everyAccount;
    }

    /** The actions allowed on every resource of their type, in every account or in one. */
    ActionSet anyAccount() {
        return anyAccount;
    }

    /** The broad grants that hold this action. */
    List<Broad> of(IamAction action) {
        return broad.stream().filter(grant -> grant.actions().contains(action)).toList();
    }

    /** The broad grants (in policy order) with any of these actions, of this reach. */
    List<Broad> matching(ActionSet wanted, boolean everyAccount, boolean conditional) {
        return broad.stream()
                .filter(grant -> grant.everyAccount() == everyAccount
                        && grant.conditional() == conditional
                        && grant.actions().intersects(wanted))
                .toList();
    }

    /** The first broad grant (in policy order) with any of these actions, in every account if asked. */
    Optional<Broad> first(ActionSet wanted, boolean everyAccount) {
        return broad.stream()
                .filter(grant -> (!everyAccount || grant.everyAccount())
                        && grant.actions().intersects(wanted))
                .findFirst();
    }

    /** Adds what the grant's ARN patterns cover: one entry for every account, one per named account. */
    private static void covered(Grant grant, ResourceReach reach, List<Broad> found) {
        Set<String> services = new HashSet<>();
        grant.actions().actions().forEach(action -> services.add(action.service()));
        Map<String, Set<String>> every = new HashMap<>();
        Map<String, Map<String, Set<String>>> perAccount = new HashMap<>();
        Set<String> everyPatterns = new LinkedHashSet<>();
        Map<String, Set<String>> accountPatterns = new HashMap<>();
        for (String pattern : grant.resources()) {
            for (String service : servicesOf(pattern, services)) {
                ResourceReach.Covered covered = reach.of(pattern, service);
                if (!covered.everyAccount().isEmpty()) {
                    every.computeIfAbsent(service, s -> new TreeSet<>()).addAll(covered.everyAccount());
                    everyPatterns.add(pattern);
                }
                String account = covered.account();
                if (account != null) {
                    perAccount
                            .computeIfAbsent(account, a -> new HashMap<>())
                            .computeIfAbsent(service, s -> new TreeSet<>())
                            .addAll(covered.oneAccount());
                    accountPatterns
                            .computeIfAbsent(account, a -> new LinkedHashSet<>())
                            .add(pattern);
                }
            }
        }
        add(grant, every, null, everyPatterns, found);
        perAccount.forEach(
                (account, types) -> add(grant, types, account, accountPatterns.getOrDefault(account, Set.of()), found));
    }

    private static void add(
            Grant grant,
            Map<String, Set<String>> typesPerService,
            @Nullable String account,
            Set<String> patterns,
            List<Broad> found) {
        if (typesPerService.isEmpty()) {
            return;
        }
        ActionSet actions = grant.actions().filter(action -> {
            Set<String> types = typesPerService.get(action.service());
            return types != null && action.resourceTypes().stream().anyMatch(types::contains);
        });
        if (!actions.isEmpty()) {
            found.add(new Broad(grant, actions, account, List.copyOf(patterns), Map.copyOf(typesPerService)));
        }
    }

    /** The service a pattern names, or every service of the grant when the service is a wildcard. */
    private static Set<String> servicesOf(String pattern, Set<String> services) {
        String[] fields = pattern.split(":", 4);
        if (fields.length < 3 || !fields[0].equals("arn")) {
            return Set.of();
        }
        String service = fields[2];
        if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
            return services;
        }
        String lower = service.toLowerCase(java.util.Locale.ROOT);
        return services.contains(lower) ? Set.of(lower) : Set.of();
    }
}
