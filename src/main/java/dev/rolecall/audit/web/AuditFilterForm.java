package dev.rolecall.audit.web;

/**
 * The audit filters as the page's form shows them again: times as {@code datetime-local} values
 * in UTC, or as typed when they could not be read; {@code size} is empty for the default page
 * size. Public only so templates can read it.
 */
public record AuditFilterForm(
        String from,
        String to,
        String actor,
        String requestId,
        String action,
        String accountId,
        String roleName,
        String size) {}
