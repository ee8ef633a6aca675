package dev.rolecall.audit.chain;

import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Walks stored events in {@code event_id} order, one at a time, and stops at the first that does
 * not verify: its hash must be the HMAC of its own content and of the hash before it, and that
 * hash must be the previous event's. Memory stays flat however long the trail.
 */
public final class ChainVerifier {

    private final AuditChainKeys keys;
    private final AuditChain chain = new AuditChain();
    private final @Nullable Checkpoint checkpoint;
    private byte @Nullable [] expectedPrevious;
    private long checked;
    private boolean checkpointSeen;
    private ChainVerification.@Nullable Reason reason;
    private @Nullable Long brokenAt;

    /**
     * @param expectedPrevious the hash the first event read must follow: the genesis for the whole
     *     trail, the previous event's for a range; {@code null} when that event is itself unchained
     * @param checkpoint the latest checkpoint, to hold the walk to, when the walk covers it from the start
     */
    public ChainVerifier(AuditChainKeys keys, byte @Nullable [] expectedPrevious, @Nullable Checkpoint checkpoint) {
        this.keys = keys;
        this.expectedPrevious = expectedPrevious;
        this.checkpoint = checkpoint;
        if (checkpoint != null) {
            SecretKeySpec key = keys.key(checkpoint.keyId());
            if (key == null || !MessageDigest.isEqual(chain.sign(key, checkpoint), checkpoint.signature())) {
                broken(checkpoint.lastEventId(), ChainVerification.Reason.CHECKPOINT_FORGED);
            }
        }
    }

    /**
     * Checks the next event.
     *
     * @return whether to go on: {@code false} once an event did not verify
     */
    public boolean accept(ChainRow row) {
        if (reason != null) {
            return false;
        }
        checked++;
        ChainVerification.Reason problem = problem(row);
        if (problem == null && checkpoint != null && row.eventId() >= checkpoint.lastEventId() && !checkpointSeen) {
            checkpointSeen = true;
            if (row.eventId() != checkpoint.lastEventId()
                    || checked != checkpoint.eventCount()
                    || !MessageDigest.isEqual(row.hash(), checkpoint.lastHash())) {
                problem = ChainVerification.Reason.CHECKPOINT_MISMATCH;
            }
        }
        if (problem != null) {
            broken(row.eventId(), problem);
            return false;
        }
        expectedPrevious = row.hash();
        return true;
    }

    private ChainVerification.@Nullable Reason problem(ChainRow row) {
        byte[] hash = row.hash();
        byte[] previous = row.prevHash();
        String keyId = row.keyId();
        if (hash == null || previous == null || keyId == null) {
            return ChainVerification.Reason.NOT_CHAINED;
        }
        SecretKeySpec key = keys.key(keyId);
        if (key == null) {
            return ChainVerification.Reason.UNKNOWN_KEY;
        }
        if (!MessageDigest.isEqual(chain.hash(key, previous, row.event(keyId)), hash)) {
            return ChainVerification.Reason.HASH_MISMATCH;
        }
        if (expectedPrevious != null && !MessageDigest.isEqual(previous, expectedPrevious)) {
            return ChainVerification.Reason.LINK_BROKEN;
        }
        return null;
    }

    private void broken(long eventId, ChainVerification.Reason why) {
        reason = why;
        brokenAt = eventId;
    }

    /** The outcome once every event was read or the walk stopped. */
    public ChainVerification result(@Nullable Long from, @Nullable Long to, Instant now) {
        if (reason == null && checkpoint != null && !checkpointSeen) {
            broken(checkpoint.lastEventId(), ChainVerification.Reason.CHECKPOINT_MISMATCH);
        }
        ChainVerification.Reason why = reason;
        return new ChainVerification(why == null, checked, brokenAt, why == null ? null : why.code(), from, to, now);
    }
}
