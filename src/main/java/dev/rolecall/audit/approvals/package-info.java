/**
 * The approvals report, read from the audit trail: every decision with the time it took, as a
 * streamed CSV, and the median and 90th percentile time to decide per review stage.
 */
@NullMarked
package dev.rolecall.audit.approvals;

import org.jspecify.annotations.NullMarked;
