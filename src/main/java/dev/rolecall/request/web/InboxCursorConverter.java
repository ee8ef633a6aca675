package dev.rolecall.request.web;

import dev.rolecall.request.inbox.InboxCursor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code after} and {@code before} positions of the inbox's links. Text that is no position
 * is a conversion failure, which the page answers with a 400 naming the parameter.
 */
@Component
class InboxCursorConverter implements Converter<String, InboxCursor> {

    @Override
    public InboxCursor convert(String source) {
        return InboxCursor.parse(source);
    }
}
