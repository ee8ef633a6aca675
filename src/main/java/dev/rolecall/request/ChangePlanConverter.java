package dev.rolecall.request;

import dev.rolecall.request.change.ChangePlan;
import dev.rolecall.request.spec.RoleSpecConverter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link ChangePlan} (live baseline and calls) as one JSON document. */
@Converter
class ChangePlanConverter implements AttributeConverter<ChangePlan, String> {

    @Override
    public String convertToDatabaseColumn(ChangePlan plan) {
        return RoleSpecConverter.JSON.writeValueAsString(plan);
    }

    @Override
    public ChangePlan convertToEntityAttribute(String json) {
        return RoleSpecConverter.JSON.readValue(json, ChangePlan.class);
    }
}
