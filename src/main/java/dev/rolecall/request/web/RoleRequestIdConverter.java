package dev.rolecall.request.web;

import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads request ids from paths and parameters; text that is no id names no request (404). */
@Component
class RoleRequestIdConverter implements Converter<String, RoleRequestId> {

    @Override
    public RoleRequestId convert(String source) {
        try {
            return RoleRequestId.parse(source);
        } catch (IllegalArgumentException notAnId) {
            throw new RoleRequestNotFoundException(source);
        }
    }
}
