package dev.rolecall.policy.catalog;

/**
 * What an action pattern of a policy, such as {@code s3:Get*}, means against the catalog.
 *
 * @param pattern the pattern as written
 * @param status whether it matched, and if not, why
 * @param actions the matching actions (empty unless {@link Status#MATCHED})
 */
public record ActionMatch(String pattern, Status status, ActionSet actions) {

    /** How a pattern relates to the catalog. */
    public enum Status {
        /** At least one catalog action matches. */
        MATCHED,
        /** The service prefix is not in the catalog: a typo, or a service newer than the catalog. */
        UNKNOWN_SERVICE,
        /** The service is known but none of its actions matches: a typo, or an action newer than the catalog. */
        UNKNOWN_ACTION,
        /** Not an action pattern ({@code service:Name}, {@code *}). */
        MALFORMED
    }
}
