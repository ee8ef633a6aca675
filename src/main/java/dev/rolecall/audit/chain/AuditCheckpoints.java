package dev.rolecall.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the signed checkpoints of the chain. A checkpoint is due once
 * {@code checkpoint-events} events follow the last one, or {@code checkpoint-interval} has passed
 * since it and any event followed. Writing holds the chain's append lock, so the tail it signs is
 * the tail.
 */
@Component
public class AuditCheckpoints implements ChainCheck.CheckpointSource {

    private static final String COLUMNS =
            "checkpoint_id, created_at, last_event_id, event_count, last_hash, key_id, signature";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final AuditChainKeys keys;
    private final AuditChainProperties properties;
    private final Clock clock;

    AuditCheckpoints(DataSource dataSource, AuditChainKeys keys, AuditChainProperties properties, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Writes a checkpoint of the chain's tail if one is due; {@code null} if none was. */
    @Transactional
    public @Nullable Checkpoint writeIfDue() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)")
                .param(AuditChain.APPEND_LOCK)
                .query(Integer.class)
                .single();
        List<Tail> tails = jdbc.sql(
                        "SELECT event_id, hash FROM audit_event WHERE hash IS NOT NULL ORDER BY event_id DESC LIMIT 1")
                .query((rs, row) -> new Tail(rs.getLong(1), rs.getBytes(2)))
                .list();
        if (tails.isEmpty()) {
            return null;
        }
        Tail tail = tails.get(0);
        Checkpoint last = latest(null);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (last != null && tail.eventId() <= last.lastEventId()) {
            return null;
        }
        long after = last == null ? 0 : last.lastEventId();
        long added = jdbc.sql("SELECT count(*) FROM audit_event WHERE event_id > ? AND event_id <= ?")
                .param(after)
                .param(tail.eventId())
                .query(Long.class)
                .single();
        boolean due = last == null
                || added >= properties.checkpointEvents()
                || !last.createdAt().plus(properties.checkpointInterval()).isAfter(now);
        return due ? write(now, tail, (last == null ? 0 : last.eventCount()) + added) : null;
    }

    private Checkpoint write(Instant now, Tail tail, long count) {
        long id = jdbc.sql("SELECT nextval('audit_checkpoint_checkpoint_id_seq')")
                .query(Long.class)
                .single();
        String keyId = keys.currentKeyId();
        Checkpoint unsigned = new Checkpoint(id, now, tail.eventId(), count, tail.hash(), keyId, new byte[0]);
        byte[] signature = new AuditChain().sign(keys.current(), unsigned);
        jdbc.sql("INSERT INTO audit_checkpoint (" + COLUMNS + ") OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?, ?)")
                .param(id)
                .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param(tail.eventId())
                .param(count)
                .param(tail.hash())
                .param(keyId)
                .param(signature)
                .update();
        return new Checkpoint(id, now, tail.eventId(), count, tail.hash(), keyId, signature);
    }

    @Override
    public @Nullable Checkpoint latest(@Nullable Long upTo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_checkpoint"
                        + (upTo == null ? "" : " WHERE last_event_id <= " + upTo)
                        + " ORDER BY checkpoint_id DESC LIMIT 1")
                .query((rs, row) -> map(rs))
                .optional()
                .orElse(null);
    }

    /** Every checkpoint, oldest first, as it is read. */
    public void forEach(Consumer<Checkpoint> sink) {
        streaming.query("SELECT " + COLUMNS + " FROM audit_checkpoint ORDER BY checkpoint_id", (RowCallbackHandler)
                rs -> sink.accept(map(rs)));
    }

    private static Checkpoint map(ResultSet rs) throws SQLException {
        return new Checkpoint(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getLong(3),
                rs.getLong(4),
                rs.getBytes(5),
                rs.getString(6),
                rs.getBytes(7));
    }

    private record Tail(long eventId, byte[] hash) {}
}
