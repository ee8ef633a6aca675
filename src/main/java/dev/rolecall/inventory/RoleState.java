package dev.rolecall.inventory;

/** Where a role in the inventory stands. */
enum RoleState {
    /** Exists in AWS as Rolecall last applied it. */
    ACTIVE,
    /** Exists, and expires within the warning window: its owner may ask to extend it. */
    EXPIRING,
    /** The live role differs from what Rolecall last applied: a reviewer re-applies or accepts. */
    DRIFTED,
    /** Removed from AWS by a delete request; the record and its history stay. */
    DELETED,
    /** Adopted from AWS as it was; no request has changed it since. */
    IMPORTED,
    /** Revoked at its expiry: sessions denied, then deleted or stripped of its permissions. */
    EXPIRED;

    /** Whether the role still exists in AWS with Rolecall's approval (drift checks and expiry apply). */
    public boolean live() {
        return this != DELETED && this != EXPIRED;
    }
}
