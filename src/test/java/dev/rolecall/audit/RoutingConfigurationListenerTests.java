package dev.rolecall.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.routing.RoutingConfiguration;
import dev.rolecall.routing.RoutingConfigured;
import dev.rolecall.test.RolecallIntegrationTest;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The routing configuration is in the audit trail once per change, not once per start. */
@RolecallIntegrationTest
class RoutingConfigurationListenerTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    AuditEventRepository trail;

    @Autowired
    RoutingConfiguration routing;

    @Autowired
    DataSource dataSource;

    @Test
    void onlyAChangedConfigurationIsRecordedAgain() {
        // Test contexts with other routing configurations share the database: make ours the last one.
        events.publishEvent(new RoutingConfigured(Instant.now(), routing.digest(), 2, 0));
        assertThat(trail.lastRoutingDigest()).contains(routing.digest());
        long before = recorded();

        events.publishEvent(new RoutingConfigured(Instant.now(), routing.digest(), 2, 0));
        assertThat(recorded()).as("same digest: nothing new").isEqualTo(before);

        String changed = "0".repeat(64);
        events.publishEvent(new RoutingConfigured(Instant.now(), changed, 3, 1));
        assertThat(recorded()).isEqualTo(before + 1);
        assertThat(trail.lastRoutingDigest()).contains(changed);

        events.publishEvent(new RoutingConfigured(Instant.now(), routing.digest(), 2, 0));
        assertThat(recorded()).as("back to the running one: a change again").isEqualTo(before + 2);
    }

    private long recorded() {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM audit_event WHERE action = 'routing.configured'")
                .query(Long.class)
                .single();
    }
}
