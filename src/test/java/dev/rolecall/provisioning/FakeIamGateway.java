package dev.rolecall.provisioning;

import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RoleRequestId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A gateway that records the calls it is asked to make and answers them from a script, never
 * touching AWS.
 */
class FakeIamGateway extends IamGateway {

    /** What each call was asked, in order, as {@code CreateRole payments-reader}. */
    final List<String> calls = new ArrayList<>();

    final List<String> opened = new ArrayList<>();
    int closed;

    private final Map<Integer, RuntimeException> failures = new HashMap<>();
    private RuntimeException openFailure;
    private final Map<String, IamSession.ExistingRole> existing = new HashMap<>();
    private final Map<String, LiveRole> live = new HashMap<>();

    FakeIamGateway() {
        super(new ProvisioningProperties(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 10));
    }

    /** The n-th call (1-based) throws this. */
    FakeIamGateway failCall(int position, RuntimeException failure) {
        failures.put(position, failure);
        return this;
    }

    /** GetRole finds this role (by default every role exists, untagged, under /existing/). */
    FakeIamGateway existing(String roleName, String arn, String requestIdTag) {
        existing.put(roleName, new IamSession.ExistingRole(arn, requestIdTag));
        return this;
    }

    /** Reading the role finds this (by default no role can be read). */
    FakeIamGateway live(LiveRole role) {
        live.put(role.spec().roleName(), role);
        return this;
    }

    @Override
    IamSession openForReading(TargetAccount account) {
        return open(account, new RoleRequestId(new UUID(0, 0)));
    }

    FakeIamGateway failOpen(RuntimeException failure) {
        openFailure = failure;
        return this;
    }

    @Override
    IamSession open(TargetAccount account, RoleRequestId requestId) {
        opened.add(account.id() + " " + requestId);
        if (openFailure != null) {
            throw openFailure;
        }
        return new IamSession() {

            @Override
            public String createRole(IamCall.CreateRole call) {
                answer(call, call.roleName());
                return "arn:aws:iam::" + account.id() + ":role" + call.path() + call.roleName();
            }

            @Override
            public Optional<ExistingRole> findRole(String roleName) {
                calls.add("GetRole " + roleName);
                return Optional.of(existing.getOrDefault(
                        roleName,
                        new ExistingRole("arn:aws:iam::" + account.id() + ":role/existing/" + roleName, null)));
            }

            @Override
            public Optional<LiveRole> readRole(String roleName) {
                record("ReadRole " + roleName);
                return Optional.ofNullable(live.get(roleName));
            }

            @Override
            public void change(IamChange call) {
                answer(call, String.valueOf(call.parameters().getOrDefault("PolicyName", call.roleName())));
            }

            @Override
            public void putRolePolicy(IamCall.PutRolePolicy call) {
                answer(call, call.policyName());
            }

            @Override
            public void attachRolePolicy(IamCall.AttachRolePolicy call) {
                answer(call, call.policyArn());
            }

            @Override
            public void detachRolePolicy(String roleName, String policyArn) {
                record("DetachRolePolicy " + policyArn);
            }

            @Override
            public void deleteRolePolicy(String roleName, String policyName) {
                record("DeleteRolePolicy " + policyName);
            }

            @Override
            public void deleteRole(String roleName) {
                record("DeleteRole " + roleName);
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }

    private void answer(IamCall call, String subject) {
        record(call.name() + " " + subject);
    }

    private void record(String call) {
        calls.add(call);
        RuntimeException failure = failures.get(calls.size());
        if (failure != null) {
            throw failure;
        }
    }
}
