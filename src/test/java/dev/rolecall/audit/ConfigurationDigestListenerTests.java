package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.identity.activity.IdentityConfigured;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity configuration reaches the audit trail at start, and again only when its digest
 * changes.
 */
@RolecallIntegrationTest
class ConfigurationDigestListenerTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theConfigurationTheConsoleStartedWithIsOnTheTrail() {
        assertThat(digests()).isNotEmpty();
    }

    @Test
    void aDigestIsRecordedWhenItChangesAndNotWhenItRepeats() {
        int before = digests().size();

        events.publishEvent(new IdentityConfigured(Instant.now(), "digest-one", Map.of("localSignIn", true)));
        events.publishEvent(new IdentityConfigured(Instant.now(), "digest-one", Map.of("localSignIn", true)));
        events.publishEvent(new IdentityConfigured(Instant.now(), "digest-two", Map.of("localSignIn", false)));

        List<String> after = digests();
        assertThat(after).hasSize(before + 2);
        assertThat(after.get(after.size() - 2))
                .contains("\"digest\":\"digest-one\"")
                .contains("\"localSignIn\":true");
        assertThat(after.get(after.size() - 1))
                .contains("\"digest\":\"digest-two\"")
                .contains("\"previousDigest\":\"digest-one\"");
    }

    private List<String> digests() {
        return jdbc.queryForList(
                "select details from audit_event where actor = ? and action = ? order by event_id",
                String.class,
                ConfigurationDigestListener.ACTOR,
                ConfigurationDigestListener.IDENTITY);
    }
}
