package dev.rolecall.audit.chain;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Verifies the chain or a range of it. A walk from the start of the trail is also held to the
 * latest signed checkpoint, so a trail cut short behind it does not verify. Call inside a
 * read-only transaction, so the rows stream through a cursor.
 */
@Component
public class ChainCheck {

    private final AuditChainStore store;
    private final AuditChainKeys keys;
    private final CheckpointSource checkpoints;
    private final Clock clock;

    ChainCheck(AuditChainStore store, AuditChainKeys keys, CheckpointSource checkpoints, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** Walks the events from {@code from} to {@code to} (inclusive; {@code null} for no bound). */
    public ChainVerification verify(@Nullable Long from, @Nullable Long to) {
        Checkpoint checkpoint = from == null ? checkpoints.latest(to) : null;
        ChainVerifier verifier = new ChainVerifier(keys, store.hashBefore(from), checkpoint);
        store.walk(from, to, verifier);
        return verifier.result(from, to, clock.instant());
    }

    /** Where the latest checkpoint comes from. */
    public interface CheckpointSource {

        /** The latest checkpoint at or below {@code upTo} (any, when {@code null}), or {@code null}. */
        @Nullable
        Checkpoint latest(@Nullable Long upTo);
    }
}
