package dev.rolecall.policy.model;

import org.jspecify.annotations.Nullable;

/** The kinds of principal a Principal or NotPrincipal element can name. */
public enum PrincipalType {
    /** An AWS account, IAM role, user, role session or {@code *}. */
    AWS("AWS"),
    /** An AWS service, e.g. {@code lambda.amazonaws.com}. */
    SERVICE("Service"),
    /** A web identity (OIDC) or SAML provider, e.g. an EKS cluster's OIDC provider ARN. */
    FEDERATED("Federated"),
    /** An S3 canonical user ID. */
    CANONICAL_USER("CanonicalUser");

    private final String json;

    PrincipalType(String json) {
        this.json = json;
    }

    /** The key in policy JSON, e.g. {@code Service}. */
    public String json() {
        return json;
    }

    /** The type for a JSON key, or null if the key names no principal type (case-sensitive, as IAM). */
    public static @Nullable PrincipalType ofJson(String key) {
        for (PrincipalType type : values()) {
            if (type.json.equals(key)) {
                return type;
            }
        }
        return null;
    }
}
