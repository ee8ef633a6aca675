package dev.rolecall.audit;

import dev.rolecall.identity.activity.IdentityConfigured;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the identity configuration a console started with ({@value #IDENTITY}) when its digest
 * differs from the one last recorded, so the trail shows each change once, not each start. A
 * transaction-scoped advisory lock makes consoles that start together compare one after another.
 */
@Component
class ConfigurationDigestListener {

    /** {@code CONFIGURATION_IDENTITY}: the identity configuration changed (or was seen first). */
    static final String IDENTITY = "configuration.identity";

    /** The actor of configuration events: the configuration itself, not a person. */
    static final String ACTOR = "rolecall:configuration";

    private final AuditService audit;
    private final JdbcClient jdbc;

    ConfigurationDigestListener(AuditService audit, DataSource dataSource) {
        this.audit = audit;
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventListener
    @Transactional
    public void on(IdentityConfigured configured) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))")
                .param(IDENTITY)
                .query()
                .singleRow();
        Optional<String> last =
                jdbc.sql("""
                        SELECT details::jsonb ->> 'digest' FROM audit_event
                        WHERE actor = ? AND action = ? ORDER BY event_id DESC LIMIT 1""").param(ACTOR).param(IDENTITY).query(String.class).optional();
        if (last.isPresent() && last.get().equals(configured.digest())) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>(configured.summary());
        details.put("digest", configured.digest());
        details.put("previousDigest", Objects.requireNonNullElse(last.orElse(null), ""));
        audit.record(new AuditEntry(configured.occurredAt(), ACTOR, IDENTITY, null, null, null, details));
    }
}
