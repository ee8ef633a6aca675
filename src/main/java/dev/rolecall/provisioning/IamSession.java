package dev.rolecall.provisioning;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * IAM in one target account, on behalf of one request: with the default credentials, or as the
 * account's provisioner role in a session named after the request. Close it when the request is done.
 * Every verb throws {@link IamCallFailedException} when the call fails after the SDK's retries.
 */
interface IamSession extends AutoCloseable {

    /** Makes a CreateRole call; returns the new role's ARN. */
    String createRole(IamCall.CreateRole call);

    /**
     * Reads a role (GetRole): for a run that resumes after CreateRole, and for CreateRole that
     * finds the name taken.
     *
     * @return the role, or empty when there is none by that name
     */
    Optional<ExistingRole> findRole(String roleName);

    /**
     * Reads the whole role as it is now (GetRole and every page of its policies, tags and instance
     * profiles).
     *
     * @return the role, or empty when there is none by that name
     */
    Optional<LiveRole> readRole(String roleName);

    /** Detaches a managed policy (DetachRolePolicy); a policy not attached counts as detached. */
    void detachRolePolicy(String roleName, String policyArn);

    /** Deletes an inline policy (DeleteRolePolicy); a policy already gone counts as deleted. */
    void deleteRolePolicy(String roleName, String policyName);

    /** Deletes the role (DeleteRole); a role already gone counts as deleted. */
    void deleteRole(String roleName);

    /**
     * Takes the account's rate-limit turns for the next {@code calls} calls of this session in one
     * operation (at most a full bucket's worth; any further call waits its own turn), so that a job
     * that knows its plan pays for the shared limit once instead of before every call. Turns not
     * used are simply spent: the account then makes fewer calls, never more.
     */
    default void reserveTurns(int calls) {}

    /** How many attempts the last call took, the first included: more than one means retries. */
    default int attemptsOfLastCall() {
        return 1;
    }

    /**
     * Makes a call of a CHANGE or DELETE plan. A call that removes something already gone
     * (NoSuchEntity) counts as made.
     */
    void change(IamChange call);

    /** Makes a PutRolePolicy call. */
    void putRolePolicy(IamCall.PutRolePolicy call);

    /** Makes an AttachRolePolicy call. */
    void attachRolePolicy(IamCall.AttachRolePolicy call);

    /**
     * Makes any call of a plan.
     *
     * @return the role's ARN for CreateRole, else {@code null}
     */
    default @Nullable String execute(IamCall call) {
        if (call instanceof IamCall.CreateRole create) {
            return createRole(create);
        }
        if (call instanceof IamCall.PutRolePolicy put) {
            putRolePolicy(put);
        } else if (call instanceof IamCall.AttachRolePolicy attach) {
            attachRolePolicy(attach);
        } else if (call instanceof IamChange change) {
            change(change);
        }
        return null;
    }

    @Override
    void close();

    /**
     * A role that exists in AWS.
     *
     * @param arn its ARN
     * @param requestIdTag the value of its {@code rolecall:request-id} tag, if it has one
     */
    record ExistingRole(String arn, @Nullable String requestIdTag) {}
}
