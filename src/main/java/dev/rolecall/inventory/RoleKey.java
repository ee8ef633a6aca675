package dev.rolecall.inventory;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in the inventory: account and role name order every role exactly. Written as
 * {@code <account>:<name>} in links; neither part can hold a colon.
 */
record RoleKey(String accountId, String roleName) implements RolePosition {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{12}):([\\w+=,.@-]{1,64})");

    /** @throws IllegalArgumentException for anything but an account and a role name */
    static RoleKey parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a role position: " + text);
        }
        return new RoleKey(matcher.group(1), matcher.group(2));
    }

    @Override
    public List<Object> values() {
        return List.of(accountId, roleName);
    }

    @Override
    public String toString() {
        return accountId + ":" + roleName;
    }
}
