package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two consoles started as {@code ./mvnw spring-boot:run} starts one (no database configured), from
 * two data folders and with the same preferred port: both start, each on its own embedded
 * database, migrated by the owner and used through the role that owns nothing.
 */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path temp;

    @Test
    void twoConsolesFromTwoFoldersBothStartAndStaySeparate() throws Exception {
        int preferredPort = EmbeddedPostgresServerTests.freePort();
        try (ConfigurableApplicationContext first = console(temp.resolve("first"), preferredPort, true);
                ConfigurableApplicationContext second = console(temp.resolve("second"), preferredPort)) {
            assertThat(first.getBeansOfType(EmbeddedPostgresEarlyStart.class))
                    .as("the first console's database started as the context was built, as main starts it")
                    .hasSize(1);
            assertThat(second.getBeansOfType(EmbeddedPostgresEarlyStart.class)).isEmpty();
            JdbcTemplate firstDatabase = jdbc(first);
            JdbcTemplate secondDatabase = jdbc(second);
            record(firstDatabase, "filed-in-first");
            record(secondDatabase, "filed-in-second");

            assertThat(actors(firstDatabase)).isEqualTo("filed-in-first");
            assertThat(actors(secondDatabase)).isEqualTo("filed-in-second");
            assertThat(first.getBean(EmbeddedPostgresServer.class).port()).isEqualTo(preferredPort);
            assertThat(second.getBean(EmbeddedPostgresServer.class).port()).isNotEqualTo(preferredPort);
            for (JdbcTemplate database : new JdbcTemplate[] {firstDatabase, secondDatabase}) {
                assertThat(database.queryForObject("SELECT current_user", String.class))
                        .isEqualTo("rolecall_app");
                assertThat(database.queryForObject(
                                "SELECT tableowner FROM pg_tables WHERE tablename = 'audit_event'", String.class))
                        .isEqualTo("rolecall_owner");
                assertThat(database.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
                assertThat(database.queryForObject("SHOW synchronous_commit", String.class))
                        .isEqualTo("on");
            }
        }
    }

    @Test
    void upgradesAFolderFromTheVersionBeforePasswordsInPlace() throws Exception {
        Path folder = temp.resolve("pgdata");
        try (EmbeddedPostgres previous = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setPort(EmbeddedPostgresServerTests.freePort())
                .start()) {
            // What the previous version left: trust, V1-V4 applied and rows written as the superuser.
            String url = "jdbc:postgresql://127.0.0.1:" + previous.getPort() + "/postgres";
            Flyway.configure()
                    .dataSource(url, "postgres", "")
                    .locations("classpath:db/migration")
                    .target("4")
                    .load()
                    .migrate();
            try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO audit_event (occurred_at, actor, action) VALUES (now(), 'filed-before',"
                        + " 'test.recorded')");
            }
        }

        try (ConfigurableApplicationContext console = console(folder, EmbeddedPostgresServerTests.freePort())) {
            JdbcTemplate database = jdbc(console);
            record(database, "filed-after");

            assertThat(actors(database)).isEqualTo("filed-before,filed-after");
            assertThat(database.queryForObject("SELECT current_user", String.class))
                    .isEqualTo("rolecall_app");
            assertThat(database.queryForObject("SELECT has_table_privilege('audit_event', 'UPDATE')", Boolean.class))
                    .isFalse();
            assertThat(Files.readString(folder.resolve("pg_hba.conf"))).doesNotContain("trust");
            assertThat(Files.exists(folder.resolve(EmbeddedCredentials.FILE_NAME)))
                    .isTrue();
        }
    }

    private static ConfigurableApplicationContext console(Path folder, int port) {
        return console(folder, port, false);
    }

    /** @param earlyStart whether the database starts while the context is built, as {@code main} does */
    private static ConfigurableApplicationContext console(Path folder, int port, boolean earlyStart) {
        SpringApplicationBuilder console = new SpringApplicationBuilder(RolecallApplication.class);
        if (earlyStart) {
            console.initializers(new EmbeddedPostgresEarlyStart());
        }
        return console.run(
                "--server.port=0", "--rolecall.database.data-directory=" + folder, "--rolecall.database.port=" + port);
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext console) {
        return new JdbcTemplate(console.getBean(DataSource.class));
    }

    private static void record(JdbcTemplate database, String actor) {
        database.update(
                "INSERT INTO audit_event (occurred_at, actor, action) VALUES (now(), ?, 'test.recorded')", actor);
    }

    private static String actors(JdbcTemplate database) {
        return database.queryForObject(
                "SELECT string_agg(actor, ',' ORDER BY event_id) FROM audit_event WHERE action = 'test.recorded'",
                String.class);
    }
}
