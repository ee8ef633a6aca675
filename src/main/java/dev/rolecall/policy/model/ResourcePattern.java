package dev.rolecall.policy.model;

/**
 * One entry of a Resource or NotResource element: {@code *} or an ARN, which may hold the wildcards
 * {@code *} and {@code ?} and, in policies of Version 2012-10-17, policy variables such as
 * {@code ${aws:username}}. Resources match case-sensitively; {@code *} also matches across {@code /}
 * and {@code :}.
 *
 * @param text the entry as written
 * @param at where it was written
 */
public record ResourcePattern(String text, SourcePosition at) {

    /** Whether this is the bare {@code *}, matching every resource. */
    public boolean isAll() {
        return "*".equals(text);
    }

    /** Whether the text holds a policy variable ({@code ${…}}). */
    public boolean hasVariable() {
        return text.contains("${");
    }

    /**
     * Whether this entry matches a resource ARN, treating any policy variable text literally. The
     * simulator resolves variables against the request first.
     */
    public boolean matches(String resource) {
        return Wildcard.matches(text, resource, false);
    }
}
