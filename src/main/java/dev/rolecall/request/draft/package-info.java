/**
 * Drafts of role requests: the request form as its author left it, kept without validation, read,
 * changed and deleted by its author alone. A draft is no request: it has no status, route or audit
 * trail until its author files it.
 */
@NullMarked
package dev.rolecall.request.draft;

import org.jspecify.annotations.NullMarked;
