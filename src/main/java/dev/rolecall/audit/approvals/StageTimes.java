package dev.rolecall.audit.approvals;

import java.util.List;

/**
 * The time to decide per review stage, over the latest decisions that match a filter: at most
 * {@link #DECISIONS_LIMIT} of them, so that the audit page does the same bounded work however long
 * the trail is. Every decision is in the approvals CSV.
 *
 * @param stages one entry per stage, in stage order
 * @param latestOnly whether more decisions match than were taken, i.e. the numbers are of the latest
 *     {@link #DECISIONS_LIMIT} only
 */
public record StageTimes(List<StageDecisionTimes> stages, boolean latestOnly) {

    /** How many of the latest matching decisions the numbers are taken from, at most. */
    public static final int DECISIONS_LIMIT = 1_000;
}
