package dev.rolecall.request;

import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.spec.RoleSpecConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores a {@link ChangePlan} (live baseline and calls) as one JSON document. Only CHANGE revisions have
 * one: other revisions, and every revision filed before plans were stored, hold SQL NULL.
 */
@Converter
class ChangePlanConverter implements AttributeConverter<@Nullable ChangePlan, @Nullable String> {

    @Override
    public @Nullable String convertToDatabaseColumn(@Nullable ChangePlan plan) {
        return plan == null ? null : RoleSpecConverter.JSON.writeValueAsString(plan);
    }

    @Override
    public @Nullable ChangePlan convertToEntityAttribute(@Nullable String json) {
        return json == null ? null : RoleSpecConverter.JSON.readValue(json, ChangePlan.class);
    }
}
