package dev.rolecall.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification} table: each message once per event and channel, until it is sent; and
 * who filed each request.
 */
@Repository
class NotificationOutbox {

    /** A message that waits to be sent. */
    record Pending(UUID id, Audience audience, Medium medium, String subject, String body) {}

    /** A channel whose digest has messages waiting. */
    record DigestChannel(Audience audience, Medium medium) {}

    private final JdbcClient jdbc;

    NotificationOutbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * Adds a message unless the channel already has one for this event.
     *
     * @return the new message's id; empty if the event was told to the channel before
     */
    Optional<UUID> add(
            Notice notice,
            Audience audience,
            NotificationChannels.Delivery delivery,
            String subject,
            String body,
            Instant now) {
        return jdbc.sql("""
                        INSERT INTO notification (id, event_key, audience, medium, kind, request_id, subject, body,
                                                  digest, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (event_key, audience, medium) DO NOTHING
                        RETURNING id""")
                .param(UUID.randomUUID())
                .param(notice.eventKey())
                .param(audience.key())
                .param(delivery.medium().name())
                .param(notice.kind().name())
                .param(notice.requestId())
                .param(subject)
                .param(body)
                .param(delivery.digest())
                .param(utc(now))
                .query(UUID.class)
                .optional();
    }

    /** The message, unless it was sent already. */
    Optional<Pending> pending(UUID id) {
        return jdbc.sql("SELECT id, audience, medium, subject, body FROM notification WHERE id = ? AND sent_at IS NULL")
                .param(id)
                .query(NotificationOutbox::pending)
                .optional();
    }

    /** The digest messages a channel still waits for that were written before {@code until}, oldest first. */
    List<Pending> digestPending(Audience audience, Medium medium, Instant until) {
        return jdbc.sql("""
                        SELECT id, audience, medium, subject, body FROM notification
                        WHERE digest AND sent_at IS NULL AND audience = ? AND medium = ? AND created_at < ?
                        ORDER BY created_at, id""")
                .params(audience.key(), medium.name(), utc(until))
                .query(NotificationOutbox::pending)
                .list();
    }

    /** The channels with digest messages written before {@code until} and not yet sent. */
    List<DigestChannel> digestChannels(Instant until) {
        return jdbc.sql("""
                        SELECT DISTINCT audience, medium FROM notification
                        WHERE digest AND sent_at IS NULL AND created_at < ?""")
                .param(utc(until))
                .query((rs, n) -> new DigestChannel(
                        new Audience(rs.getString("audience")), Medium.valueOf(rs.getString("medium"))))
                .list();
    }

    void markSent(List<UUID> ids, Instant now) {
        jdbc.sql("UPDATE notification SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ANY (?)")
                .params(utc(now), ids.toArray(UUID[]::new))
                .update();
    }

    void recordFailure(List<UUID> ids, String error) {
        jdbc.sql("UPDATE notification SET attempts = attempts + 1, last_error = ? WHERE id = ANY (?)")
                .params(error.length() > 500 ? error.substring(0, 500) : error, ids.toArray(UUID[]::new))
                .update();
    }

    /** Remembers who filed a request; the first submission names them, later ones change nothing. */
    void rememberRequester(UUID requestId, String requester) {
        jdbc.sql("INSERT INTO notification_requester (request_id, requester) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(requestId, requester)
                .update();
    }

    Optional<String> requesterOf(UUID requestId) {
        return jdbc.sql("SELECT requester FROM notification_requester WHERE request_id = ?")
                .param(requestId)
                .query(String.class)
                .optional();
    }

    private static Pending pending(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Pending(
                rs.getObject("id", UUID.class),
                new Audience(rs.getString("audience")),
                Medium.valueOf(rs.getString("medium")),
                rs.getString("subject"),
                rs.getString("body"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
