package dev.rolecall.test;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import java.util.Set;

/**
 * The demo users (config/demo-defaults.yml) as the console sees them once signed in: everyone who
 * signs in may request, so each holds {@link Role#REQUESTER} besides the roles the file gives.
 * Tests that call a service directly act as these instead of building their own.
 */
public final class TestUsers {

    /** Requester in the payments team. */
    public static final CurrentUser ALICE = new CurrentUser("alice", "payments", Set.of(Role.REQUESTER));

    /** Requester in the data team. */
    public static final CurrentUser FRANK = new CurrentUser("frank", "data", Set.of(Role.REQUESTER));

    /** Reviewer in the security team. */
    public static final CurrentUser BOB = new CurrentUser("bob", "security", Set.of(Role.REQUESTER, Role.REVIEWER));

    /** A second reviewer in the security team. */
    public static final CurrentUser ERIN = new CurrentUser("erin", "security", Set.of(Role.REQUESTER, Role.REVIEWER));

    /** Auditor, in no team. */
    public static final CurrentUser CAROL = new CurrentUser("carol", null, Set.of(Role.REQUESTER, Role.AUDITOR));

    /** Administrator, in no team. */
    public static final CurrentUser DAVE = new CurrentUser("dave", null, Set.of(Role.REQUESTER, Role.ADMIN));

    private TestUsers() {}
}
