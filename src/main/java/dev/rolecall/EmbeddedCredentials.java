package dev.rolecall;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded database's three roles, generated on first start and kept in the
 * data folder in a file only its owner may read.
 *
 * @param superuser the bootstrap superuser {@code postgres}: creates the other roles, nothing else
 * @param owner {@code rolecall_owner}: owns the schema; Flyway migrates as this role
 * @param runtime {@code rolecall_app}: the running console; owns nothing, holds only grants
 */
record EmbeddedCredentials(String superuser, String owner, String runtime) {

    static final String FILE_NAME = "rolecall-credentials.properties";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    // Generated passwords are base64url; anything else in the file was not written by Rolecall.
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final SecureRandom RANDOM = new SecureRandom();

    EmbeddedCredentials {
        for (String password : new String[] {superuser, owner, runtime}) {
            if (password == null || !PASSWORD.matcher(password).matches()) {
                throw new IllegalArgumentException("not a generated password");
            }
        }
    }

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(randomPassword(), randomPassword(), randomPassword());
    }

    static boolean existIn(Path dataDirectory) {
        return Files.isRegularFile(dataDirectory.resolve(FILE_NAME));
    }

    /** Reads the file, and takes away any access beyond its owner's that someone granted since. */
    static EmbeddedCredentials readFrom(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                log.warn("{} was readable by others; restricting it to its owner", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return new EmbeddedCredentials(
                    properties.getProperty(EmbeddedPostgresServer.SUPERUSER),
                    properties.getProperty(EmbeddedPostgresServer.OWNER),
                    properties.getProperty(EmbeddedPostgresServer.RUNTIME));
        } catch (IOException | IllegalArgumentException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded database's password file " + file + " cannot be read: " + e.getMessage(),
                    "Restore the file from a backup, or move the data folder away to start with an empty database.",
                    e);
        }
    }

    /** Writes the file atomically, readable and writable by its owner only from the moment it exists. */
    void writeTo(Path dataDirectory) {
        Properties properties = new Properties();
        properties.setProperty(EmbeddedPostgresServer.SUPERUSER, superuser);
        properties.setProperty(EmbeddedPostgresServer.OWNER, owner);
        properties.setProperty(EmbeddedPostgresServer.RUNTIME, runtime);
        try {
            Path temporary = ownerOnlyFile(dataDirectory, FILE_NAME);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Passwords of the embedded database's roles. Keep this file private.");
            }
            Files.move(
                    temporary,
                    dataDirectory.resolve(FILE_NAME),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file holding only the superuser's password, for {@code initdb --pwfile}. */
    Path writeSuperuserPasswordFile(Path directory) throws IOException {
        Path file = ownerOnlyFile(directory, "initdb");
        Files.writeString(file, superuser + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static Path ownerOnlyFile(Path directory, String prefix) throws IOException {
        return Files.createTempFile(directory, "." + prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[…]";
    }
}
