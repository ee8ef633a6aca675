package dev.rolecall.audit.chain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys of the audit trail's hash chain and how often it is checkpointed. Keys live in the
 * configuration or the environment ({@code ROLECALL_AUDIT_CHAIN_KEYS_<ID>}), never in the database.
 *
 * @param keyId the key new events are hashed with; may be left out when exactly one key is configured
 * @param keys every key still needed to verify the trail, by id, each base64 of at least 32 random
 *     bytes; after a rotation the older ids stay here so older events still verify
 * @param keyFile with no {@code keys}: a file holding one generated key, created on first use
 *     (the embedded database keeps it in its data folder); ignored when {@code keys} are set
 * @param checkpointEvents a signed checkpoint is written once this many events follow the last one
 * @param checkpointInterval or once this long has passed since the last one and any event followed it
 * @param checkpointCheck how often the checkpoint job looks whether a checkpoint is due
 */
@ConfigurationProperties("rolecall.audit.chain")
@Validated
public record AuditChainProperties(
        @Nullable String keyId,
        @DefaultValue Map<String, String> keys,
        @Nullable Path keyFile,
        @DefaultValue("10000") @Min(1) @Max(10_000_000) int checkpointEvents,
        @DefaultValue("1h") Duration checkpointInterval,
        @DefaultValue("1m") Duration checkpointCheck) {}
