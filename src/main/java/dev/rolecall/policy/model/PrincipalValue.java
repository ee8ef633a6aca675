package dev.rolecall.policy.model;

/**
 * One principal named in a Principal or NotPrincipal element.
 *
 * @param type under which key it was listed
 * @param value as written, e.g. {@code arn:aws:iam::111122223333:root}, {@code 111122223333},
 *     {@code lambda.amazonaws.com}, {@code *}
 * @param at where it was written
 */
public record PrincipalValue(PrincipalType type, String value, SourcePosition at) {

    /** Whether this is {@code "AWS": "*"}: every AWS principal. */
    public boolean isAll() {
        return "*".equals(value);
    }
}
