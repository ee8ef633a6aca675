package dev.rolecall.audit.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Chains the events recorded before the trail had a hash chain: after Flyway has migrated, as the
 * schema's owner, when the table holds events and not one of them is chained yet — that is, once,
 * on the first start after the upgrade. In {@code event_id} order, under the current key, in one
 * transaction; the only time rows of the append-only table are updated, with its trigger switched
 * off inside that transaction alone. Once any event is chained this never runs again, so an event
 * written around Rolecall later stays unchained and fails verification. A new installation has no
 * events and nothing to do. A Flyway callback, not a migration, because it needs the key, which
 * only the running application has.
 */
@Component
public class LegacyEventsChaining implements Callback {

    private static final Logger log = LoggerFactory.getLogger(LegacyEventsChaining.class);
    private static final int BATCH = 1_000;

    private final AuditChainKeys keys;

    LegacyEventsChaining(AuditChainKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean supports(Event event, @Nullable Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, @Nullable Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "audit-chain-existing-events";
    }

    @Override
    public void handle(Event event, @Nullable Context context) {
        if (context == null) {
            return;
        }
        Connection connection = context.getConnection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long chained = chainIfNeverChained(connection);
                connection.commit();
                if (chained > 0) {
                    log.info("Chained the {} audit events recorded before the hash chain existed", chained);
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not chain the existing audit events", e);
        }
    }

    private long chainIfNeverChained(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet state =
                    statement.executeQuery("SELECT EXISTS (SELECT 1 FROM audit_event WHERE hash IS NULL),"
                            + " EXISTS (SELECT 1 FROM audit_event WHERE hash IS NOT NULL)")) {
                state.next();
                if (!state.getBoolean(1) || state.getBoolean(2)) {
                    return 0;
                }
            }
            statement.execute("LOCK TABLE audit_event IN EXCLUSIVE MODE");
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            long chained = chain(connection);
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
            return chained;
        }
    }

    private long chain(Connection connection) throws SQLException {
        AuditChain chain = new AuditChain();
        String keyId = keys.currentKeyId();
        byte[] previous = AuditChain.genesis();
        try (PreparedStatement read = connection.prepareStatement(
                        "SELECT event_id, occurred_at, actor, action, request_id, account_id, role_name, details"
                                + " FROM audit_event ORDER BY event_id");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE audit_event SET chain_key_id = ?, prev_hash = ?, hash = ? WHERE event_id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            long chained = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    ChainedEvent event = new ChainedEvent(
                            keyId,
                            rows.getLong(1),
                            rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getObject(5, UUID.class),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8));
                    byte[] hash = chain.hash(keys.current(), previous, event);
                    write.setString(1, keyId);
                    write.setBytes(2, previous);
                    write.setBytes(3, hash);
                    write.setLong(4, event.eventId());
                    write.addBatch();
                    previous = hash;
                    chained++;
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            write.executeBatch();
            return chained;
        }
    }
}
