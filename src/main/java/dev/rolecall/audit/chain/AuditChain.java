package dev.rolecall.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an audit event: {@code HMAC-SHA-256(key, "rolecall.audit.v1\n" || prev_hash ||
 * canonical(event))}. The canonical form lists the fields in a fixed order — key id, event id,
 * occurred at (ISO-8601 UTC, milliseconds), actor, action, request id, account id, role name,
 * details — each as its UTF-8 byte length, {@code ':'}, the bytes and {@code ';'}, and a missing
 * value as a single {@code '~'}; so no two different events share a canonical form. The first
 * event follows 32 zero bytes.
 *
 * <p>Not thread-safe: one instance per thread or per verification run.
 */
public final class AuditChain {

    /**
     * The transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) that serialises appends
     * to the chain and checkpoints of its tail ("RCAUDIT").
     */
    public static final long APPEND_LOCK = 0x52_43_41_55_44_49_54L;

    /** Length of a hash and of the link to the previous one. */
    public static final int HASH_BYTES = 32;

    private static final byte[] EVENT_PREFIX = "rolecall.audit.v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_PREFIX = "rolecall.checkpoint.v1\n".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private final Mac mac;
    private @Nullable SecretKey initialised;

    public AuditChain() {
        try {
            this.mac = Mac.getInstance(AuditChainKeys.ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** What the first event of the trail follows. */
    public static byte[] genesis() {
        return new byte[HASH_BYTES];
    }

    /** The hash of {@code event} following the event whose hash is {@code previous}. */
    public byte[] hash(SecretKey key, byte[] previous, ChainedEvent event) {
        use(key);
        mac.update(EVENT_PREFIX);
        mac.update(previous);
        field(event.keyId());
        field(Long.toString(event.eventId()));
        field(TIME.format(event.occurredAt()));
        field(event.actor());
        field(event.action());
        field(event.requestId() == null ? null : event.requestId().toString());
        field(event.accountId());
        field(event.roleName());
        field(event.details());
        return mac.doFinal();
    }

    /** The signature of a checkpoint: the same construction over its own fields. */
    public byte[] sign(SecretKey key, Checkpoint checkpoint) {
        use(key);
        mac.update(CHECKPOINT_PREFIX);
        field(checkpoint.keyId());
        field(Long.toString(checkpoint.checkpointId()));
        field(TIME.format(checkpoint.createdAt()));
        field(Long.toString(checkpoint.lastEventId()));
        field(Long.toString(checkpoint.eventCount()));
        field(hex(checkpoint.lastHash()));
        return mac.doFinal();
    }

    /** Lower-case hexadecimal, as the CSV and the API show hashes. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private void use(SecretKey key) {
        if (key != initialised) {
            try {
                mac.init(key);
            } catch (InvalidKeyException e) {
                throw new IllegalStateException("not an HMAC key", e);
            }
            initialised = key;
        }
    }

    private void field(@Nullable String value) {
        if (value == null) {
            mac.update((byte) '~');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) ':');
        mac.update(bytes);
        mac.update((byte) ';');
    }
}
