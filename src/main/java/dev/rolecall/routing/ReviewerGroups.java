package dev.rolecall.routing;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The reviewer groups of {@code rolecall.routing.groups} and each account's owner group: who may
 * approve a stage, and who is told about one.
 */
@Service
public class ReviewerGroups {

    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private final Map<String, String> accountOwners;

    @Autowired
    ReviewerGroups(RoutingProperties properties) {
        this(properties.groups(), properties.accountOwners());
    }

    private ReviewerGroups(Map<String, List<String>> groups, Map<String, String> accountOwners) {
        groups.forEach((name, users) -> members.put(name, Set.copyOf(users)));
        this.accountOwners = Map.copyOf(accountOwners);
    }

    /** Groups of these members and these account owners, for code not configured from properties (tests, tools). */
    public static ReviewerGroups of(Map<String, List<String>> groups, Map<String, String> accountOwners) {
        return new ReviewerGroups(groups, accountOwners);
    }

    /** The user names in this group; empty for a group that is not configured. */
    public Set<String> membersOf(String group) {
        return members.getOrDefault(group, Set.of());
    }

    /** The groups this person belongs to, by name in alphabetical order. */
    public Set<String> groupsOf(String username) {
        Set<String> groups = new TreeSet<>();
        members.forEach((group, users) -> {
            if (users.contains(username)) {
                groups.add(group);
            }
        });
        return groups;
    }

    /** The owner group of this 12-digit account, if the configuration names one. */
    public Optional<String> ownerGroupOf(String accountId) {
        return Optional.ofNullable(accountOwners.get(accountId));
    }

    /**
     * A configured stage for a request of this account: its groups, and the account's owner group if
     * the stage names {@code account-owners}. An account without an owner group leaves its owners' part
     * to {@code security}, so that a stage is never without reviewers.
     */
    RouteStage resolve(RoutingProperties.Stage stage, String accountId) {
        Set<String> names = new LinkedHashSet<>(stage.groups());
        if (stage.accountOwners()) {
            names.add(ownerGroupOf(accountId).orElse(RoutingProperties.DEFAULT_GROUP));
        }
        return new RouteStage(List.copyOf(names), stage.approvals(), stage.sla(), stage.escalationGroup());
    }

    /** Every group's name, in configuration order. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(members.keySet());
    }
}
