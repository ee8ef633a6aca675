package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RoleSpec;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import tools.jackson.databind.JsonNode;

/**
 * The IAM calls of a role's later life, for the inventory: revoking an expired role, listing an
 * account's roles to adopt (an approved IMPORT request tags one through its apply job), and
 * restoring a drifted role to its approved spec. Every call goes through the account's clients, credentials, retries and rate limit, in an
 * STS session named for the work ({@code rolecall-expiry}, {@code rolecall-import},
 * {@code rolecall-drift}). Each verb may run again after a crash: what is gone already counts as
 * removed, and a restore changes only what still differs.
 */
@Service
public class ManagedRoleCalls {

    /** The inline policy that denies older sessions, named as the IAM console's "Revoke active sessions" names it. */
    public static final String REVOKE_POLICY = "AWSRevokeOlderSessions";

    /** Service-linked roles live under this path; only their service may change them. */
    public static final String SERVICE_LINKED_PATH = "/aws-service-role/";

    private final AccountRegistry accounts;
    private final IamGateway gateway;

    ManagedRoleCalls(AccountRegistry accounts, IamGateway gateway) {
        this.accounts = accounts;
        this.gateway = gateway;
    }

    /**
     * Denies every session of the role issued before {@code before}: the inline {@value
     * #REVOKE_POLICY} deny on {@code aws:TokenIssueTime}. Sessions issued later are not affected.
     */
    public void revokeSessions(String accountId, String roleName, Instant before) {
        session(accountId, "rolecall-expiry", iam -> {
            iam.execute(new IamCall.PutRolePolicy(roleName, REVOKE_POLICY, revokePolicy(before)));
            return List.of();
        });
    }

    /**
     * Deletes the role as a delete request does, planned against the role read now: out of its
     * instance profiles, its inline policies deleted, its managed policies detached, then DeleteRole.
     *
     * @return the calls made; none when the role is gone already
     */
    public List<String> deleteRole(String accountId, String roleName) {
        return session(accountId, "rolecall-expiry", iam -> {
            Optional<LiveRole> live = iam.readRole(roleName);
            return live.isEmpty() ? List.of() : execute(iam, ChangeCalls.delete(live.get()));
        });
    }

    /**
     * Removes the role's permissions and keeps the role: every inline policy but the session deny
     * deleted, every managed policy detached, planned against the role read now.
     *
     * @return the calls made
     */
    public List<String> detachPermissions(String accountId, String roleName) {
        return session(accountId, "rolecall-expiry", iam -> {
            Optional<LiveRole> live = iam.readRole(roleName);
            if (live.isEmpty()) {
                return List.of();
            }
            RoleSpec now = live.get().spec();
            Map<String, JsonNode> kept = new LinkedHashMap<>();
            JsonNode deny = now.inlinePolicies().get(REVOKE_POLICY);
            if (deny != null) {
                kept.put(REVOKE_POLICY, deny);
            }
            RoleSpec stripped = new RoleSpec(
                    now.accountId(),
                    now.roleName(),
                    now.path(),
                    now.description(),
                    now.trustPolicy(),
                    List.of(),
                    kept,
                    now.permissionsBoundaryArn(),
                    now.maxSessionDurationSeconds(),
                    now.tags(),
                    null);
            return execute(iam, ChangeCalls.change(now, stripped, quota(accountId)));
        });
    }

    /**
     * Makes the role match the approved spec again, with the minimal calls a change request would
     * make, planned against the role read now: only what differs is called, Rolecall's own tags are
     * left as they are.
     *
     * @return the calls made, in order, each as {@code <call> <policy or tag>} where it names one
     * @throws RoleCallFailedException with {@code NoSuchEntity} when the role is gone from AWS
     */
    public List<String> restore(RoleSpec approved) {
        return session(approved.accountId(), "rolecall-drift", iam -> {
            LiveRole live = iam.readRole(approved.roleName())
                    .orElseThrow(() -> new RoleCallFailedException(
                            "NoSuchEntity", "The role " + approved.roleName() + " is gone from AWS."));
            return execute(iam, ChangeCalls.change(live.spec(), approved, quota(approved.accountId())));
        });
    }

    /**
     * Every role of the account: ListRoles to its last page, with the policies of all roles read in
     * bulk (GetAccountAuthorizationDetails).
     */
    public List<ScannedRole> scan(String accountId) {
        return listing(accountId, iam -> {
            List<Role> roles = iam.listRoles();
            Map<String, RoleDetail> details = iam.roleDetails();
            List<ScannedRole> scanned = new ArrayList<>(roles.size());
            for (Role role : roles) {
                RoleSpec spec = AccountIam.spec(accountId, role, details.get(role.roleName()));
                scanned.add(new ScannedRole(
                        spec,
                        role.arn(),
                        role.createDate(),
                        role.path().startsWith(SERVICE_LINKED_PATH),
                        LiveRole.MANAGED_BY_VALUE.equals(spec.tags().get(LiveRole.MANAGED_BY_TAG))));
            }
            return scanned;
        });
    }

    private <T> T listing(String accountId, Function<AccountIam, T> work) {
        TargetAccount account = applying(accountId);
        try (AccountIam iam = gateway.openForRoles(account, "rolecall-import")) {
            return work.apply(iam);
        } catch (IamCallFailedException e) {
            throw new RoleCallFailedException(e.code(), e.getMessage());
        }
    }

    private List<String> session(String accountId, String purpose, Function<IamSession, List<String>> work) {
        TargetAccount account = applying(accountId);
        try (IamSession iam = gateway.openFor(account, purpose)) {
            return work.apply(iam);
        } catch (IamCallFailedException e) {
            throw new RoleCallFailedException(e.code(), e.getMessage());
        }
    }

    private TargetAccount applying(String accountId) {
        return accounts.find(accountId)
                .filter(TargetAccount::applies)
                .orElseThrow(() -> new RoleCallFailedException(
                        "NotApplying",
                        "Account " + accountId + " is unknown or plan-only: Rolecall sends nothing there."));
    }

    private int quota(String accountId) {
        return applying(accountId).managedPoliciesPerRole();
    }

    private static List<String> execute(IamSession iam, List<IamCall> calls) {
        List<String> made = new ArrayList<>();
        for (IamCall call : calls) {
            iam.execute(call);
            made.add(call.name() + " " + call.roleName() + detail(call));
        }
        return List.copyOf(made);
    }

    private static String detail(IamCall call) {
        if (call instanceof IamCall.PutRolePolicy put) {
            return " " + put.policyName();
        }
        if (call instanceof IamChange.DeleteRolePolicy delete) {
            return " " + delete.policyName();
        }
        if (call instanceof IamCall.AttachRolePolicy attach) {
            return " " + attach.policyArn();
        }
        return call instanceof IamChange.DetachRolePolicy detach ? " " + detach.policyArn() : "";
    }

    static JsonNode revokePolicy(Instant before) {
        String time = DateTimeFormatter.ISO_INSTANT.format(before.truncatedTo(ChronoUnit.SECONDS));
        return IamCall.JSON.readTree(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                        + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\"" + time
                        + "\"}}}]}");
    }

    /**
     * A role found by a scan.
     *
     * @param spec the role as a request would ask for it, all tags included, no expiry
     * @param serviceLinked whether it is a service-linked role, which only its service may change
     * @param managedByRolecall whether it carries the {@code managed-by=rolecall} tag
     */
    public record ScannedRole(
            RoleSpec spec, String arn, Instant createdAt, boolean serviceLinked, boolean managedByRolecall) {}
}
