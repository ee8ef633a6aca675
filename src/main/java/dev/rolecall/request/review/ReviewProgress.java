package dev.rolecall.request.review;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The route of a request's current revision: the rule that gave it and its stages in order. A
 * request filed before routing existed has no stages: any reviewer decides on it alone.
 *
 * @param ruleName the routing rule that matched, or null for the default route
 * @param stages the stages of the current revision, in order
 * @param readerMayDecide whether the person reading may decide now: a member of the waiting stage's
 *     groups who has not approved a stage of this revision
 */
public record ReviewProgress(@Nullable String ruleName, List<StageView> stages, boolean readerMayDecide) {

    public ReviewProgress {
        stages = List.copyOf(stages);
    }

    /** The stage that waits for approvals now, if any. */
    public Optional<StageView> waiting() {
        return stages.stream().filter(StageView::waiting).findFirst();
    }

    /** The name to show for the rule that gave the route. */
    public String ruleLabel() {
        return ruleName == null ? "default route" : ruleName;
    }
}
