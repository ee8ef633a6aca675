package dev.rolecall.request;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads request ids from paths and parameters. */
@Component
class RoleRequestIdConverter implements Converter<String, RoleRequestId> {

    @Override
    public RoleRequestId convert(String source) {
        return RoleRequestId.parse(source);
    }
}
