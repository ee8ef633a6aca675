package dev.rolecall.provisioning;

import dev.rolecall.request.ApplyStepRecord;
import dev.rolecall.request.ApplyStepStatus;
import dev.rolecall.request.RoleRequestView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * What a request's succeeded calls left in AWS, read from its recorded steps in order: an apply
 * call (CreateRole, PutRolePolicy, AttachRolePolicy) adds what it created, the rollback call that
 * undoes it (DeleteRole, DeleteRolePolicy, DetachRolePolicy) takes it away again.
 */
final class CreatedResources {

    static final String DELETE_ROLE = "DeleteRole";
    static final String DELETE_ROLE_POLICY = "DeleteRolePolicy";
    static final String DETACH_ROLE_POLICY = "DetachRolePolicy";

    private static final Map<String, String> UNDOES = Map.of(
            DELETE_ROLE, "CreateRole", DELETE_ROLE_POLICY, "PutRolePolicy", DETACH_ROLE_POLICY, "AttachRolePolicy");

    private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

    private final Map<String, ApplyStepRecord> inEffect;

    private CreatedResources(Map<String, ApplyStepRecord> inEffect) {
        this.inEffect = inEffect;
    }

    /** @param succeeded the request's succeeded steps, in the order they were made */
    static CreatedResources of(List<ApplyStepRecord> succeeded) {
        Map<String, ApplyStepRecord> inEffect = new LinkedHashMap<>();
        for (ApplyStepRecord step : succeeded) {
            String undone = UNDOES.get(step.call());
            if (undone == null) {
                inEffect.put(IamCall.key(step.call(), step.parameters()), step);
            } else {
                inEffect.remove(IamCall.key(undone, step.parameters()));
            }
        }
        return new CreatedResources(inEffect);
    }

    /** As {@link #of}, from the steps as the request page reads them. */
    static CreatedResources ofViews(List<RoleRequestView.ApplyStepView> steps) {
        return of(steps.stream()
                .filter(step -> step.status() == ApplyStepStatus.SUCCEEDED)
                .map(step -> new ApplyStepRecord(
                        step.call(),
                        IamCall.JSON.readValue(step.parametersJson(), PARAMETERS),
                        step.status(),
                        null,
                        null))
                .toList());
    }

    /** What is in AWS, one line each, in the order it was created: for the page of a failed request. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (ApplyStepRecord step : inEffect.values()) {
            lines.add(
                    switch (step.call()) {
                        case "CreateRole" -> "Role " + step.parameters().get("RoleName");
                        case "PutRolePolicy" ->
                            "Inline policy " + step.parameters().get("PolicyName");
                        case "AttachRolePolicy" ->
                            "Managed policy " + step.parameters().get("PolicyArn") + " attached";
                        default -> step.call() + " " + step.parameters();
                    });
        }
        return lines;
    }

    /** Whether a planned call's effect is in AWS now, so a resumed apply does not make it again. */
    boolean contains(IamCall call) {
        return inEffect.containsKey(call.key());
    }

    boolean isEmpty() {
        return inEffect.isEmpty();
    }

    boolean role() {
        return inEffect.values().stream().anyMatch(step -> step.call().equals("CreateRole"));
    }

    /** The managed policies attached, newest first: the order to detach them in. */
    List<String> attachedPolicyArns() {
        return newestFirst("AttachRolePolicy", "PolicyArn");
    }

    /** The inline policies put, newest first: the order to delete them in. */
    List<String> inlinePolicyNames() {
        return newestFirst("PutRolePolicy", "PolicyName");
    }

    private List<String> newestFirst(String call, String parameter) {
        List<String> values = new ArrayList<>();
        for (ApplyStepRecord step : inEffect.values()) {
            if (step.call().equals(call)) {
                values.add(0, String.valueOf(step.parameters().get(parameter)));
            }
        }
        return values;
    }
}
