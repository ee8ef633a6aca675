package dev.rolecall;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: real PostgreSQL 17 binaries started in-process, with the data kept in a
 * local folder so that requests survive a restart. Flyway migrates as the schema's owner; the
 * console connects as a role that owns nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(EmbeddedDefaults.EMBEDDED)
class EmbeddedPostgresConfiguration {

    /** The server started while the context was built ({@link EmbeddedPostgresEarlyStart}), or started now. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(
            DatabaseProperties properties, ObjectProvider<EmbeddedPostgresEarlyStart> earlyStart) {
        EmbeddedPostgresEarlyStart started = earlyStart.getIfAvailable();
        return started != null
                ? started.await()
                : EmbeddedPostgresServer.start(properties.dataDirectory(), properties.port());
    }

    /** Pool settings come from {@code spring.datasource.hikari.*}, as with an external database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.RUNTIME);
        dataSource.setPassword(postgres.credentials().runtime());
        return dataSource;
    }

    @Bean
    FlywayConnectionDetails flywayConnectionDetails(EmbeddedPostgresServer postgres) {
        return new FlywayConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                return postgres.jdbcUrl();
            }

            @Override
            public String getUsername() {
                return EmbeddedPostgresServer.OWNER;
            }

            @Override
            public String getPassword() {
                return postgres.credentials().owner();
            }
        };
    }
}
