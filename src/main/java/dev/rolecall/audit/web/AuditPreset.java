package dev.rolecall.audit.web;

/**
 * A quick time range on the audit page. Public only so templates can read it.
 *
 * @param labelKey the message key of its label
 * @param href the audit page with that range and the other filters kept
 */
public record AuditPreset(String labelKey, String href) {}
