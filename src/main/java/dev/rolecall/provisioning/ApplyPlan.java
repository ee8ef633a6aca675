package dev.rolecall.provisioning;

import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleRequestView.ApplyStepView;
import dev.rolecall.request.change.PlannedCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IAM calls of a request as its apply card lists them: the calls recorded so far, in the order
 * they were made (a failed attempt and its retry both), then the calls of the plan that apply has not
 * made yet, each with what will happen to it. Computed from the request and its plan; reading it
 * sends nothing to AWS.
 *
 * @param stage where the request is, for the sentence above the list
 * @param rows the calls, in order
 * @param made how many calls of the plan succeeded (or, plan-only, were recorded)
 * @param total how many calls the plan has
 */
record ApplyPlan(Stage stage, List<Row> rows, int made, int total) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Where the request is, as far as its IAM calls go. */
    enum Stage {
        /** Not approved yet: the calls approval would lead to. */
        PROPOSED,
        /** Approved, or being applied: calls not recorded yet are pending. */
        IN_PROGRESS,
        /** Apply failed: calls not made yet are made by a retry. */
        STOPPED,
        /** Applied, or plan-only and recorded: the calls as recorded. */
        DONE,
        /** Rejected, withdrawn or otherwise never applied by this request: whatever was recorded. */
        CLOSED
    }

    /** What happened, or will happen, to one call; each has a message key {@code step.<state>}. */
    enum CallState {
        /** Will be made (or, plan-only, recorded) once the request is approved. */
        PROPOSED,
        /** Approved: about to be made. */
        PENDING,
        /** Apply stopped before this call; a retry makes it. */
        NOT_MADE,
        /** Plan-only: recorded, not sent. */
        PLANNED,
        /** AWS accepted it. */
        SUCCEEDED,
        /** AWS refused it. */
        FAILED
    }

    /**
     * One call: its IAM name, what happened to it, AWS's error if it failed, its parameters as JSON,
     * and how often the SDK retried it (throttling, 5xx answers, network errors).
     */
    record Row(String call, CallState state, @Nullable String error, String parameters, int retries) {

        Row(String call, CallState state, @Nullable String error, String parameters) {
            this(call, state, error, parameters, 0);
        }
    }

    static ApplyPlan of(List<IamCall> plan, RoleRequestView request) {
        return ofPlanned(
                plan.stream()
                        .map(call -> new PlannedCall(call.name(), call.parameters()))
                        .toList(),
                request);
    }

    /** As {@link #of}, for calls stored with a request: the plan of a CHANGE or DELETE. */
    static ApplyPlan ofPlanned(List<PlannedCall> plan, RoleRequestView request) {
        Stage stage = stage(request.status(), request.planOnly());
        List<Row> rows = new ArrayList<>();
        Set<String> made = new HashSet<>();
        for (ApplyStepView step : request.applySteps()) {
            rows.add(new Row(
                    step.call(),
                    recorded(step.status()),
                    step.error(),
                    pretty(step.parametersJson()),
                    Math.max(0, step.attempts() - 1)));
            if (step.status() != ApplyStepStatus.FAILED) {
                made.add(IamCall.key(step.call(), parameters(step.parametersJson())));
            }
        }
        CallState waiting = waiting(stage);
        int done = 0;
        for (PlannedCall call : plan) {
            if (made.contains(IamCall.key(call.call(), call.parameters()))) {
                done++;
            } else if (waiting != null) {
                rows.add(new Row(call.call(), waiting, null, PRETTY.writeValueAsString(call.parameters())));
            }
        }
        return new ApplyPlan(stage, List.copyOf(rows), done, plan.size());
    }

    /** How the page shows a planned call not made yet at this stage, or null when it does not list them. */
    private static @Nullable CallState waiting(Stage stage) {
        return switch (stage) {
            case PROPOSED -> CallState.PROPOSED;
            case IN_PROGRESS -> CallState.PENDING;
            case STOPPED -> CallState.NOT_MADE;
            case DONE, CLOSED -> null;
        };
    }

    private static Stage stage(RoleRequestStatus status, boolean planOnly) {
        return switch (status) {
            case DRAFT, SUBMITTED, IN_REVIEW, CHANGES_REQUESTED -> Stage.PROPOSED;
            case APPROVED -> planOnly ? Stage.DONE : Stage.IN_PROGRESS;
            case APPLYING -> Stage.IN_PROGRESS;
            case FAILED -> Stage.STOPPED;
            case ROLLING_BACK, ROLLED_BACK -> Stage.CLOSED;
            case APPLIED -> Stage.DONE;
            case REJECTED, WITHDRAWN, EXPIRED, DRIFTED, DELETED -> Stage.CLOSED;
        };
    }

    private static CallState recorded(ApplyStepStatus status) {
        return switch (status) {
            case PLANNED -> CallState.PLANNED;
            case SUCCEEDED -> CallState.SUCCEEDED;
            case FAILED -> CallState.FAILED;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> parameters(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    private static String pretty(String json) {
        try {
            return PRETTY.writeValueAsString(PRETTY.readTree(json));
        } catch (JacksonException e) {
            return json;
        }
    }
}
