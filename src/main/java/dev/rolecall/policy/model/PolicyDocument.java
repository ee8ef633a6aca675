package dev.rolecall.policy.model;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.analysis.PolicyLocation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed, grammatically valid policy document.
 *
 * @param name the policy's name as the person knows it (e.g. {@code inlinePolicies.read-logs})
 * @param kind which grammar it was checked against
 * @param version the Version element, or null when it is missing (IAM then applies 2008-10-17)
 * @param id the Id element, or null
 * @param statements the statements, at least one
 * @param size the size as IAM counts it: characters without whitespace
 */
public record PolicyDocument(
        String name,
        PolicyKind kind,
        @Nullable String version,
        @Nullable String id,
        List<Statement> statements,
        int size) {

    /** The current policy language version; the only one in which policy variables work. */
    public static final String VERSION_2012 = "2012-10-17";

    /** The previous policy language version, still accepted by IAM. */
    public static final String VERSION_2008 = "2008-10-17";

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    /** Whether policy variables ({@code ${aws:username}}) are resolved; otherwise they are literal text. */
    public boolean supportsVariables() {
        return VERSION_2012.equals(version);
    }

    /** A location for an element of a statement, for findings and explanations. */
    public PolicyLocation locate(Statement statement, @Nullable String element, SourcePosition at) {
        return new PolicyLocation(name, statement.index(), statement.sid(), element, at.line(), at.column());
    }

    /** A location for a statement as a whole. */
    public PolicyLocation locate(Statement statement) {
        return locate(statement, null, statement.at());
    }
}
