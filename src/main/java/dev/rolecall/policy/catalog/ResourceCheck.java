package dev.rolecall.policy.catalog;

/** How a policy's resource ARN relates to the catalog's ARN formats. */
public enum ResourceCheck {
    /** {@code *}, or an ARN that fits at least one resource type (wildcards may stand for any part). */
    KNOWN,
    /** Not of the form {@code arn:partition:service:region:account:resource}. */
    NOT_AN_ARN,
    /** No catalog resource type has an ARN of this service. */
    UNKNOWN_SERVICE,
    /** The service is known but none of its resource types has an ARN like this one. */
    UNKNOWN_RESOURCE_TYPE
}
