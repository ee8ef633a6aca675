package dev.rolecall.request.draft;

import dev.rolecall.request.RequestKind;

/**
 * What a save of a draft stores: the form as JSON, and the few fields its list shows.
 *
 * @param kind CREATE or CHANGE
 * @param form the request form's fields, as JSON text
 */
public record DraftContent(RequestKind kind, String accountId, String roleName, String form) {}
