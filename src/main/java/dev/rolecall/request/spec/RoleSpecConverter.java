package dev.rolecall.request.spec;

import dev.rolecall.request.RoleSpec;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a {@link RoleSpec} as one JSON document. */
@Converter
public class RoleSpecConverter implements AttributeConverter<RoleSpec, String> {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(RoleSpec spec) {
        return JSON.writeValueAsString(spec);
    }

    @Override
    public RoleSpec convertToEntityAttribute(String json) {
        return JSON.readValue(json, RoleSpec.class);
    }
}
