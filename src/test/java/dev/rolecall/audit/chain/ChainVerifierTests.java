package dev.rolecall.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The walk over stored rows, without a database: what verifies and where it stops. */
class ChainVerifierTests {

    private static final String KEY = "gC8QGP2z1mxVzI9ToCX50/uLsbSXk2h/FKij+LfXBgM=";
    private static final Instant AT = Instant.parse("2026-11-28T10:15:30.123Z");

    private final AuditChainKeys keys = new AuditChainKeys(new AuditChainProperties(
            "k1", Map.of("k1", KEY), null, 10_000, Duration.ofHours(1), Duration.ofMinutes(1)));
    private final AuditChain chain = new AuditChain();

    @Test
    void anIntactTrailVerifiesAndCountsEveryEvent() {
        ChainVerification result = walk(trail(5), null);

        assertThat(result.verified()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(5);
        assertThat(result.firstBrokenEventId()).isNull();
    }

    @Test
    void theHashCoversEveryFieldAndTheKeyId() {
        ChainedEvent event = new ChainedEvent("k1", 1, AT, "alice", "a", null, null, null, "{}");
        byte[] hash = chain.hash(keys.current(), AuditChain.genesis(), event);

        assertThat(chain.hash(keys.current(), AuditChain.genesis(), event)).isEqualTo(hash);
        assertThat(chain.hash(
                        keys.current(),
                        AuditChain.genesis(),
                        new ChainedEvent("k1", 1, AT, "alice", "a", null, "", null, "{}")))
                .as("an empty value is not a missing one")
                .isNotEqualTo(hash);
        assertThat(chain.hash(
                        keys.current(),
                        AuditChain.genesis(),
                        new ChainedEvent("k1", 1, AT, "alic", "ea", null, null, null, "{}")))
                .as("field boundaries are part of the form")
                .isNotEqualTo(hash);
        assertThat(chain.hash(
                        keys.current(),
                        AuditChain.genesis(),
                        new ChainedEvent("k2", 1, AT, "alice", "a", null, null, null, "{}")))
                .isNotEqualTo(hash);
    }

    @Test
    void stopsAtAnEditedEvent() {
        List<ChainRow> rows = trail(5);
        ChainRow third = rows.get(2);
        rows.set(
                2,
                new ChainRow(
                        third.eventId(),
                        AT,
                        "mallory",
                        third.action(),
                        null,
                        null,
                        null,
                        third.details(),
                        third.keyId(),
                        third.prevHash(),
                        third.hash()));

        ChainVerification result = walk(rows, null);

        assertThat(result.firstBrokenEventId()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("hash-mismatch");
        assertThat(result.eventsChecked()).isEqualTo(3);
    }

    @Test
    void aRemovedEventBreaksTheNextLink() {
        List<ChainRow> rows = trail(5);
        rows.remove(1);

        ChainVerification result = walk(rows, null);

        assertThat(result.firstBrokenEventId()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo("link-broken");
    }

    @Test
    void aTrailCutBehindTheLatestCheckpointDoesNotVerify() {
        List<ChainRow> rows = trail(5);
        Checkpoint checkpoint = checkpoint(rows.get(3), 4);
        List<ChainRow> cut = new ArrayList<>(rows.subList(0, 3));

        assertThat(walk(rows, checkpoint).verified()).isTrue();
        ChainVerification result = walk(cut, checkpoint);

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBrokenEventId()).isEqualTo(4);
        assertThat(result.reason()).isEqualTo("checkpoint-mismatch");
    }

    @Test
    void aCheckpointWhoseSignatureDoesNotVerifyIsReported() {
        List<ChainRow> rows = trail(3);
        Checkpoint real = checkpoint(rows.get(2), 3);
        Checkpoint forged = new Checkpoint(
                real.checkpointId(), real.createdAt(), real.lastEventId(), 2, real.lastHash(), "k1", real.signature());

        ChainVerification result = walk(rows, forged);

        assertThat(result.reason()).isEqualTo("checkpoint-forged");
        assertThat(result.firstBrokenEventId()).isEqualTo(3);
    }

    @Test
    void anEventUnderAKeyNoLongerConfiguredIsReported() {
        List<ChainRow> rows = trail(2);
        ChainRow second = rows.get(1);
        rows.set(
                1,
                new ChainRow(
                        second.eventId(),
                        AT,
                        second.actor(),
                        second.action(),
                        null,
                        null,
                        null,
                        second.details(),
                        "retired",
                        second.prevHash(),
                        second.hash()));

        assertThat(walk(rows, null).reason()).isEqualTo("unknown-key");
    }

    private ChainVerification walk(List<ChainRow> rows, Checkpoint checkpoint) {
        ChainVerifier verifier = new ChainVerifier(keys, AuditChain.genesis(), checkpoint);
        for (ChainRow row : rows) {
            if (!verifier.accept(row)) {
                break;
            }
        }
        return verifier.result(null, null, AT);
    }

    private List<ChainRow> trail(int events) {
        List<ChainRow> rows = new ArrayList<>();
        byte[] previous = AuditChain.genesis();
        for (long id = 1; id <= events; id++) {
            ChainedEvent event =
                    new ChainedEvent("k1", id, AT, "alice", "test.recorded", null, null, null, "{\"n\":" + id + "}");
            byte[] hash = chain.hash(keys.current(), previous, event);
            rows.add(new ChainRow(
                    id, AT, event.actor(), event.action(), null, null, null, event.details(), "k1", previous, hash));
            previous = hash;
        }
        return rows;
    }

    private Checkpoint checkpoint(ChainRow last, long count) {
        Checkpoint unsigned = new Checkpoint(1, AT, last.eventId(), count, last.hash(), "k1", new byte[0]);
        return new Checkpoint(1, AT, last.eventId(), count, last.hash(), "k1", chain.sign(keys.current(), unsigned));
    }
}
