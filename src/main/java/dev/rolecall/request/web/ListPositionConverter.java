package dev.rolecall.request.web;

import dev.rolecall.request.RoleRequestSlice;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code older} and {@code newer} positions of list links. Text that is no position is a
 * conversion failure, which the pages and the API answer with a 400 naming the parameter.
 */
@Component
class ListPositionConverter implements Converter<String, RoleRequestSlice.Key> {

    @Override
    public RoleRequestSlice.Key convert(String source) {
        return RoleRequestSlice.Key.parse(source);
    }
}
