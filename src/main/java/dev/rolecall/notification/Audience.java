package dev.rolecall.notification;

/**
 * Who hears of a notice: a reviewer group's channel ({@code group:security}) or one person
 * ({@code user:alice}).
 *
 * @param key as stored with each notification
 */
record Audience(String key) {

    private static final String GROUP = "group:";
    private static final String PERSON = "user:";

    static Audience group(String name) {
        return new Audience(GROUP + name);
    }

    static Audience person(String username) {
        return new Audience(PERSON + username);
    }

    boolean isGroup() {
        return key.startsWith(GROUP);
    }

    /** The group's name or the person's username. */
    String name() {
        return key.substring(key.indexOf(':') + 1);
    }
}
