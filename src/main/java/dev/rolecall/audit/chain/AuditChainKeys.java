package dev.rolecall.audit.chain;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The HMAC keys of the audit chain: the current one, which hashes new events and checkpoints, and
 * older ones by id, which verify what they hashed. Configured keys are read at start; a key file
 * (the embedded database's) is read, or generated and written readable by its owner only, on
 * first use, once the data folder exists.
 */
@Component
public class AuditChainKeys {

    static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private record Ring(String currentId, Map<String, SecretKeySpec> keys) {}

    private final AuditChainProperties properties;
    private volatile @Nullable Ring ring;

    AuditChainKeys(AuditChainProperties properties) {
        this.properties = properties;
        if (!properties.keys().isEmpty()) {
            this.ring = configured(properties);
        } else if (properties.keyFile() == null) {
            throw new IllegalStateException("The audit trail needs a key for its hash chain: set "
                    + "rolecall.audit.chain.key-id and rolecall.audit.chain.keys.<id> (base64 of 32 or more random "
                    + "bytes, e.g. `openssl rand -base64 32`), for instance through the environment "
                    + "variable ROLECALL_AUDIT_CHAIN_KEYS_<ID>.");
        }
    }

    /** The id of the key new events are hashed with. */
    public String currentKeyId() {
        return ring().currentId();
    }

    /** The key new events are hashed with. */
    public SecretKeySpec current() {
        Ring keys = ring();
        return java.util.Objects.requireNonNull(
                keys.keys().get(keys.currentId()), "the current key is one of the keys");
    }

    /** The key with this id, or {@code null} if it is not configured (any more). */
    public @Nullable SecretKeySpec key(@Nullable String id) {
        return id == null ? null : ring().keys().get(id);
    }

    private Ring ring() {
        Ring keys = ring;
        if (keys == null) {
            synchronized (this) {
                keys = ring;
                if (keys == null) {
                    keys = fromFile(java.util.Objects.requireNonNull(properties.keyFile()));
                    ring = keys;
                }
            }
        }
        return keys;
    }

    private static Ring configured(AuditChainProperties properties) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        properties.keys().forEach((id, base64) -> keys.put(id, decode(id, base64)));
        String current = properties.keyId();
        if (current == null && keys.size() == 1) {
            current = keys.keySet().iterator().next();
        }
        if (current == null || !keys.containsKey(current)) {
            throw new IllegalStateException(
                    "rolecall.audit.chain.key-id must name one of rolecall.audit.chain.keys " + keys.keySet());
        }
        return new Ring(current, Map.copyOf(keys));
    }

    private static SecretKeySpec decode(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("rolecall.audit.chain.keys." + id + " is not base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(
                    "rolecall.audit.chain.keys." + id + " has " + bytes.length + " bytes; it needs 32 or more");
        }
        return new SecretKeySpec(bytes, ALGORITHM);
    }

    private static Ring fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                write(file);
            }
            Properties stored = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(reader);
            }
            String id = stored.getProperty("key-id");
            String key = stored.getProperty("key");
            if (id == null || key == null) {
                throw new IllegalStateException(file + " holds no key-id and key");
            }
            return new Ring(id, Map.of(id, decode(id, key)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the audit chain key file " + file, e);
        }
    }

    /** A new key, written atomically to a file only its owner may read. */
    private static void write(Path file) throws IOException {
        byte[] secret = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        Properties stored = new Properties();
        stored.setProperty("key-id", "local-" + LocalDate.now(ZoneOffset.UTC));
        stored.setProperty("key", Base64.getEncoder().encodeToString(secret));
        Path directory = java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(), "a key file has a folder");
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(
                directory,
                ".audit-key",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            stored.store(writer, "The audit trail's HMAC key. Keep this file private and keep a copy elsewhere.");
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
