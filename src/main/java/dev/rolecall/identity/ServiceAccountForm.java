package dev.rolecall.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A service account as asked for, on the page or as the body of
 * {@code POST /api/v1/service-accounts}.
 *
 * @param roles among {@code REQUESTER}, {@code REVIEWER} and {@code AUDITOR}
 * @param owner the person responsible: a local user or someone who signed in through the provider
 */
record ServiceAccountForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable List<String> roles,
        @Nullable String team,
        @Nullable List<String> groups,
        @Nullable String owner) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern TEAM_OR_GROUP = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<Role> GRANTABLE = EnumSet.of(Role.REQUESTER, Role.REVIEWER, Role.AUDITOR);

    public String nameText() {
        return text(name);
    }

    public String descriptionText() {
        return text(description);
    }

    public @Nullable String teamText() {
        return text(team).isEmpty() ? null : text(team);
    }

    public String ownerText() {
        return text(owner);
    }

    public List<String> groupList() {
        List<String> list = new ArrayList<>();
        if (groups != null) {
            groups.stream()
                    .map(String::strip)
                    .filter(g -> !g.isEmpty())
                    .distinct()
                    .forEach(list::add);
        }
        return list;
    }

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (Role role : Role.values()) {
                if (roles.contains(role.name()) && GRANTABLE.contains(role)) {
                    set.add(role);
                }
            }
        }
        return set;
    }

    /**
     * By field, what to fix; empty when the account can be created.
     *
     * @param nameTaken whether a person or another account has a name
     * @param isPerson whether a name is a person's who signs in to Rolecall
     */
    Map<String, String> problems(Predicate<String> nameTaken, Predicate<String> isPerson) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!NAME.matcher(nameText()).matches()) {
            problems.put("name", "name must be 3 to 64 lower-case letters, digits, '.', '_' or '-'");
        } else if (nameTaken.test(nameText())) {
            problems.put("name", nameText() + " is already taken by a person or another service account");
        }
        if (descriptionText().isEmpty() || descriptionText().length() > 512) {
            problems.put("description", "description must be 1 to 512 characters: say what the account is for");
        }
        rolesProblem().ifPresent(problem -> problems.put("roles", problem));
        String teamText = teamText();
        if (teamText != null && !TEAM_OR_GROUP.matcher(teamText).matches()) {
            problems.put("team", "team must be up to 64 letters, digits, '.', '_' or '-'");
        }
        for (String group : groupList()) {
            if (!TEAM_OR_GROUP.matcher(group).matches()) {
                problems.put("groups", group + " is not a group name: letters, digits, '.', '_' or '-'");
            }
        }
        if (ownerText().isEmpty()) {
            problems.put("owner", "name the person responsible for this account");
        } else if (!isPerson.test(ownerText())) {
            problems.put(
                    "owner", ownerText() + " is not a person Rolecall knows: a local user or someone who signed in");
        }
        return problems;
    }

    private java.util.Optional<String> rolesProblem() {
        if (roles == null || roles.isEmpty()) {
            return java.util.Optional.of("choose at least one role: REQUESTER, REVIEWER or AUDITOR");
        }
        for (String role : roles) {
            if (Role.ADMIN.name().equals(role)) {
                return java.util.Optional.of("a service account can never be an admin");
            }
            if (GRANTABLE.stream().noneMatch(grantable -> grantable.name().equals(role))) {
                return java.util.Optional.of(role + " is not a role; use REQUESTER, REVIEWER or AUDITOR");
            }
        }
        return java.util.Optional.empty();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
