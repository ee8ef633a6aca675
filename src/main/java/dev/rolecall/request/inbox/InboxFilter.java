package dev.rolecall.request.inbox;

import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.request.RequestKind;
import org.jspecify.annotations.Nullable;

/**
 * What an inbox tab is narrowed to; every condition is optional and they all hold together.
 *
 * @param account only requests for this account id
 * @param environment only requests for the accounts of this environment
 * @param risk only requests of this risk level
 * @param kind only requests of this kind
 * @param requester only this person's requests
 * @param finding only requests whose most severe finding has this code
 * @param text only requests whose role name or justification contains this text (any case)
 */
public record InboxFilter(
        @Nullable String account,
        @Nullable String environment,
        @Nullable RiskLevel risk,
        @Nullable RequestKind kind,
        @Nullable String requester,
        @Nullable String finding,
        @Nullable String text) {

    /** No condition: the whole tab. */
    public static final InboxFilter NONE = new InboxFilter(null, null, null, null, null, null, null);
}
