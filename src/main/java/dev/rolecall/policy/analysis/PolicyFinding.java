package dev.rolecall.policy.analysis;

/**
 * One result of analysing a role's policies.
 *
 * @param code a stable identifier, e.g. {@code iam-passrole-star}, that routing rules and people can rely on
 * @param severity how much it matters
 * @param category what it is about
 * @param message one line: what was found, in plain words
 * @param location where (policy, statement, element, line and column)
 * @param whyItMatters what could go wrong
 * @param howToFix what to change
 */
public record PolicyFinding(
        String code,
        FindingSeverity severity,
        FindingCategory category,
        String message,
        PolicyLocation location,
        String whyItMatters,
        String howToFix) {

    /** The location in the words of the UI, with the policy name, e.g. {@code read-logs · Ln 3, Col 5 · Action}. */
    public String locationText() {
        return location.describeWithPolicy();
    }

    /** Whether this finding stops submission. */
    public boolean blocks() {
        return severity == FindingSeverity.BLOCK;
    }
}
