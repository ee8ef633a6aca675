package dev.rolecall;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default database.
 *
 * @param embedded set when no {@code spring.datasource.url} is configured
 * @param dataDirectory where the embedded PostgreSQL keeps its data and its password file
 *     (git-ignored)
 * @param port the loopback port the embedded PostgreSQL listens on when it is free; when another
 *     process holds it, a free port is used instead
 */
@ConfigurationProperties("rolecall.database")
record DatabaseProperties(
        @DefaultValue("false") boolean embedded,
        @DefaultValue(".rolecall/pgdata") Path dataDirectory,
        @DefaultValue("54329") int port) {}
