/**
 * The audit trail: an append-only record of every state change, decision, comment, apply call and
 * export, the audit page and its CSV exports. Other modules write through
 * {@link dev.rolecall.audit.AuditService}; request activity is recorded in the transaction that
 * made the change.
 */
@ApplicationModule(allowedDependencies = {"identity", "request", "request :: events", "routing"})
@NullMarked
package dev.rolecall.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
