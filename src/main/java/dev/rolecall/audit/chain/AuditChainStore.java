package dev.rolecall.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Repository;

/**
 * Reads the chain for verification: every event of a range, oldest first, through a cursor (call
 * inside a transaction), so memory stays flat over millions of events.
 */
@Repository
public class AuditChainStore {

    private static final int FETCH_SIZE = 2_000;

    private final JdbcTemplate streaming;

    AuditChainStore(DataSource dataSource) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /**
     * Hands the events from {@code from} to {@code to} (inclusive; {@code null} for no bound) to the
     * verifier, oldest first, until it has read them all or stops.
     */
    public void walk(@Nullable Long from, @Nullable Long to, ChainVerifier verifier) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (from != null) {
            conditions.add("event_id >= ?");
            params.add(from);
        }
        if (to != null) {
            conditions.add("event_id <= ?");
            params.add(to);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        streaming.query(
                "SELECT event_id, occurred_at, actor, action, request_id, account_id, role_name, details,"
                        + " chain_key_id, prev_hash, hash FROM audit_event" + where + " ORDER BY event_id",
                (ResultSetExtractor<Long>) rs -> {
                    long read = 0;
                    while (rs.next() && verifier.accept(row(rs))) {
                        read++;
                    }
                    return read;
                },
                params.toArray());
    }

    /**
     * What the first event from {@code from} must follow: the hash of the event before it, the
     * genesis when there is none, or {@code null} when that event is not chained itself.
     */
    public byte @Nullable [] hashBefore(@Nullable Long from) {
        if (from == null) {
            return AuditChain.genesis();
        }
        List<byte @Nullable []> before = streaming.query(
                "SELECT hash FROM audit_event WHERE event_id < ? ORDER BY event_id DESC LIMIT 1",
                (rs, row) -> rs.getBytes(1),
                from);
        return before.isEmpty() ? AuditChain.genesis() : before.get(0);
    }

    private static ChainRow row(ResultSet rs) throws SQLException {
        return new ChainRow(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getBytes(10),
                rs.getBytes(11));
    }
}
