package dev.rolecall.policy.catalog;

/**
 * The latest version of one AWS managed policy.
 *
 * @param name the policy name, e.g. {@code ReadOnlyAccess}
 * @param arn its ARN, e.g. {@code arn:aws:iam::aws:policy/ReadOnlyAccess} (with the path, if any)
 * @param versionId the default version, e.g. {@code v42}
 * @param document the policy document as JSON text, pretty-printed
 */
public record AwsManagedPolicy(String name, String arn, String versionId, String document) {}
