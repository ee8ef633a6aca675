package dev.rolecall;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the embedded database's data folder holds before start-up, and how it is brought to
 * password authentication: a new folder is created with SCRAM from the start ({@code initdb
 * --auth=scram-sha-256 --pwfile}); a folder from before passwords (trust, no password file) gets its
 * passwords on this start and trust is removed before the console connects.
 */
final class EmbeddedDataFolder {

    /** Loopback only, SCRAM only: no connection without the password, none from elsewhere. */
    static final String PG_HBA = """
            # Written by Rolecall on every start: password (SCRAM) authentication only, loopback only.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            local   all       all                  scram-sha-256
            host    all       all   127.0.0.1/32   scram-sha-256
            host    all       all   ::1/128        scram-sha-256
            """;

    enum Kind {
        /** No cluster yet: initdb creates it with the superuser's password. */
        NEW,
        /** A cluster with its password file. */
        READY,
        /** A cluster from before passwords: trust until this start sets them. */
        TRUST
    }

    private final Path directory;
    private final Kind kind;
    private final EmbeddedCredentials credentials;
    private @Nullable Path initdbPasswordFile;

    private EmbeddedDataFolder(Path directory, Kind kind, EmbeddedCredentials credentials) {
        this.directory = directory;
        this.kind = kind;
        this.credentials = credentials;
    }

    static EmbeddedDataFolder inspect(Path directory) {
        if (!Files.exists(directory.resolve("postgresql.conf"))) {
            return new EmbeddedDataFolder(directory, Kind.NEW, EmbeddedCredentials.generate());
        }
        if (EmbeddedCredentials.existIn(directory)) {
            return new EmbeddedDataFolder(directory, Kind.READY, EmbeddedCredentials.readFrom(directory));
        }
        if (trusts(directory)) {
            return new EmbeddedDataFolder(directory, Kind.TRUST, EmbeddedCredentials.generate());
        }
        throw new EmbeddedDatabaseException(
                "The embedded database in " + directory + " requires passwords, but its password file "
                        + EmbeddedCredentials.FILE_NAME + " is missing.",
                "Restore the file from a backup, or move the data folder away to start with an empty database.");
    }

    Kind kind() {
        return kind;
    }

    EmbeddedCredentials credentials() {
        return credentials;
    }

    /** Options added to the library's initdb call (it runs initdb only for a new folder). */
    Map<String, String> initdbOptions() {
        if (kind != Kind.NEW) {
            return Map.of();
        }
        try {
            initdbPasswordFile = credentials.writeSuperuserPasswordFile(
                    Objects.requireNonNull(directory.toAbsolutePath().getParent(), "a data folder has a parent"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Passed as --auth=… and --pwfile=…; a later --auth overrides the library's "-A trust".
        return Map.of("auth", "scram-sha-256", "pwfile", initdbPasswordFile.toString());
    }

    /** Called after initdb, before PostgreSQL starts. */
    void beforeStart(File ignored) {
        afterInitdb();
        if (kind == Kind.NEW) {
            credentials.writeTo(directory);
        }
        if (kind != Kind.TRUST) {
            writePgHba();
        }
    }

    void afterInitdb() {
        if (initdbPasswordFile != null) {
            try {
                Files.deleteIfExists(initdbPasswordFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            initdbPasswordFile = null;
        }
    }

    /** For a trust folder once its roles have their passwords: keep them, then require them. */
    void finishUpgrade() {
        credentials.writeTo(directory);
        writePgHba();
    }

    private void writePgHba() {
        try {
            Path temporary = Files.createTempFile(directory, ".pg_hba", ".tmp");
            Files.writeString(temporary, PG_HBA, StandardCharsets.UTF_8);
            Files.move(
                    temporary,
                    directory.resolve("pg_hba.conf"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean trusts(Path directory) {
        try {
            return Files.readAllLines(directory.resolve("pg_hba.conf"), StandardCharsets.UTF_8).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .anyMatch(line -> line.matches(".*\\s(trust)(\\s.*)?"));
        } catch (IOException e) {
            return false;
        }
    }
}
