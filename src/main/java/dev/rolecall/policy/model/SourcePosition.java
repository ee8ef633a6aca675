package dev.rolecall.policy.model;

/**
 * A line and column in the JSON text a policy was parsed from, both counted from 1.
 * {@link #UNKNOWN} (0, 0) when the document came as a tree rather than as text.
 */
public record SourcePosition(int line, int column) {

    /** No position: the document was not parsed from text. */
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    /** Whether this points into the text. */
    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public String toString() {
        return isKnown() ? "Ln " + line + ", Col " + column : "unknown position";
    }
}
