package dev.rolecall.audit.web;

import dev.rolecall.audit.AuditEvent;
import dev.rolecall.audit.AuditFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as the audit page shows it. Built by the audit page; public only so templates can read it.
 *
 * @param time ISO-8601 UTC, for the {@code datetime} attribute and as the text without JavaScript
 * @param requestLink the request's page, if the event concerns a request
 * @param detailsSummary one line naming each detail; empty when there are none
 * @param detailsJson the details, pretty-printed
 */
public record AuditRow(
        AuditEvent event, String time, @Nullable String requestLink, String detailsSummary, String detailsJson) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY = JSON.writerWithDefaultPrettyPrinter();
    private static final int SUMMARY_CHARS = 140;

    static AuditRow of(AuditEvent event) {
        String link = event.requestId() == null ? null : "/requests/" + event.requestId();
        String summary;
        String pretty;
        try {
            JsonNode details = JSON.readTree(event.details());
            summary = summary(details);
            pretty = details.isEmpty() ? "" : PRETTY.writeValueAsString(details);
        } catch (JacksonException e) {
            summary = abbreviate(event.details());
            pretty = event.details();
        }
        return new AuditRow(event, AuditFilter.formatTime(event.occurredAt()), link, summary, pretty);
    }

    private static String summary(JsonNode details) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : details.properties()) {
            JsonNode value = field.getValue();
            parts.add(field.getKey() + "=" + (value.isValueNode() ? value.asString() : value.toString()));
        }
        return abbreviate(String.join(", ", parts));
    }

    private static String abbreviate(String text) {
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS - 1) + "…";
    }
}
