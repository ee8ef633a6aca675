package dev.rolecall.audit;

import dev.rolecall.audit.chain.ChainVerification;
import dev.rolecall.audit.chain.RecordedVerification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A chain verification as the details of its {@code audit.verified} event, and back. */
final class Verifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Verifications() {}

    static Map<String, Object> details(ChainVerification result, String channel) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("verified", result.verified());
        details.put("eventsChecked", result.eventsChecked());
        put(details, "firstBrokenEventId", result.firstBrokenEventId());
        put(details, "reason", result.reason());
        put(details, "fromEventId", result.fromEventId());
        put(details, "toEventId", result.toEventId());
        details.put("channel", channel);
        return details;
    }

    static RecordedVerification read(AuditEvent event) {
        JsonNode details = JSON.readTree(event.details());
        return new RecordedVerification(
                event.actor(),
                new ChainVerification(
                        details.path("verified").asBoolean(false),
                        details.path("eventsChecked").asLong(0),
                        number(details, "firstBrokenEventId"),
                        text(details, "reason"),
                        number(details, "fromEventId"),
                        number(details, "toEventId"),
                        event.occurredAt()));
    }

    private static void put(Map<String, Object> details, String name, @Nullable Object value) {
        if (value != null) {
            details.put(name, value);
        }
    }

    private static @Nullable Long number(JsonNode details, String name) {
        JsonNode value = details.get(name);
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    private static @Nullable String text(JsonNode details, String name) {
        JsonNode value = details.get(name);
        return value == null || !value.isString() ? null : value.asString();
    }
}
