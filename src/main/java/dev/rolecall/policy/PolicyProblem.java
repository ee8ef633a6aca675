package dev.rolecall.policy;

import dev.rolecall.policy.analysis.PolicyLocation;

/**
 * A grammar or limit error in a policy document: IAM would reject the document.
 *
 * @param location where, in the words of the UI, e.g. {@code Ln 12, Col 9 · statement 2 (Sid ReadLogs) · Action}
 * @param message what is wrong, in plain words
 * @param at the same location, structured (policy, statement, element, line and column)
 */
public record PolicyProblem(String location, String message, PolicyLocation at) {

    /** A problem whose location is only known as text. */
    public PolicyProblem(String location, String message) {
        this(location, message, new PolicyLocation("", -1, null, location, 0, 0));
    }

    /** A problem at a structured location; the text location is derived from it. */
    public static PolicyProblem at(PolicyLocation at, String message) {
        return new PolicyProblem(at.describe(), message, at);
    }

    /** One line for logs and plain-text lists, e.g. {@code trustPolicy · Ln 4, Col 7 · Effect: must be …}. */
    @Override
    public String toString() {
        return at.describeWithPolicy() + ": " + message;
    }
}
