package dev.rolecall.policy;

/**
 * Which grammar a policy document follows. The kinds differ in which statement elements they
 * require or forbid and in how strictly IAM checks the {@code Sid}.
 */
public enum PolicyKind {
    /** Attached to a role (inline or managed): Action and Resource, no Principal. */
    IDENTITY(Element.FORBIDDEN, Element.REQUIRED, true),
    /** A role's trust policy: Principal and Action, no Resource. */
    TRUST(Element.REQUIRED, Element.FORBIDDEN, true),
    /** A permissions boundary: an identity policy that caps what the role can do. */
    BOUNDARY(Element.FORBIDDEN, Element.REQUIRED, true),
    /** A session policy passed when the role is assumed: caps that session, like a boundary. */
    SESSION(Element.FORBIDDEN, Element.REQUIRED, true),
    /** An AWS Organizations service control policy: caps every principal in the account. */
    SERVICE_CONTROL(Element.FORBIDDEN, Element.REQUIRED, true),
    /**
     * A resource-based policy (bucket, queue, key, repository policy): names its principals; the
     * Resource element is optional because some services (e.g. ECR) imply the resource.
     */
    RESOURCE(Element.REQUIRED, Element.OPTIONAL, false);

    /** Whether a statement element must, may or must not appear in this kind of policy. */
    public enum Element {
        REQUIRED,
        OPTIONAL,
        FORBIDDEN
    }

    private final Element principal;
    private final Element resource;
    private final boolean iamSid;

    PolicyKind(Element principal, Element resource, boolean iamSid) {
        this.principal = principal;
        this.resource = resource;
        this.iamSid = iamSid;
    }

    /** Whether statements name a Principal or NotPrincipal. */
    public Element principal() {
        return principal;
    }

    /** Whether statements name a Resource or NotResource. */
    public Element resource() {
        return resource;
    }

    /**
     * Whether IAM checks the Sid itself: letters and digits only. Resource-based policies of
     * other services accept any string.
     */
    public boolean alphanumericSid() {
        return iamSid;
    }

    /** A lower-case phrase for messages, e.g. "a trust policy". */
    public String phrase() {
        return switch (this) {
            case IDENTITY -> "an identity policy";
            case TRUST -> "a trust policy";
            case BOUNDARY -> "a permissions boundary";
            case SESSION -> "a session policy";
            case SERVICE_CONTROL -> "a service control policy";
            case RESOURCE -> "a resource-based policy";
        };
    }
}
