package dev.rolecall.policy.grammar;

/**
 * How much JSON the reader accepts before it stops with a clean error: guards against oversized
 * bodies and deeply nested input (which would otherwise cost time or the stack).
 *
 * @param maxDepth the deepest nesting of objects and arrays; a policy needs 7 levels
 * @param maxLength the longest text in characters, whitespace included
 */
public record JsonLimits(int maxDepth, long maxLength) {

    /**
     * Generous for one policy (IAM's largest, an S3 bucket policy, has 20,480 characters without
     * whitespace) yet small enough to reject abuse at once.
     */
    public static final JsonLimits POLICY = new JsonLimits(32, 128 * 1024);

    public JsonLimits {
        if (maxDepth < 1 || maxLength < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
