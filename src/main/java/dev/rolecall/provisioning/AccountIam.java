package dev.rolecall.provisioning;

import dev.rolecall.account.TargetAccount;
import dev.rolecall.request.RoleSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * IAM in one account for work that belongs to no request: revoking an expired role, listing roles
 * to adopt, tagging an adopted one, restoring a drifted one. Each verb is a logged call that waits
 * its turn in the account's rate limit; a failure becomes an {@link IamCallFailedException} with
 * AWS's code. "Already gone" counts as done wherever removing is the goal, so each verb can run
 * again after a crash.
 */
final class AccountIam implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AccountIam.class);

    /** IAM's largest page. */
    static final int PAGE_SIZE = 1000;

    private final IamClient iam;
    private final Runnable awaitTurn;
    private final @Nullable StsAssumeRoleCredentialsProvider provisionerRole;
    private final TargetAccount account;
    private final String purpose;
    private final ProvisioningMetrics meters;

    AccountIam(
            IamClient iam,
            Runnable awaitTurn,
            @Nullable StsAssumeRoleCredentialsProvider provisionerRole,
            TargetAccount account,
            String purpose,
            ProvisioningMetrics meters) {
        this.iam = iam;
        this.awaitTurn = awaitTurn;
        this.provisionerRole = provisionerRole;
        this.account = account;
        this.purpose = purpose;
        this.meters = meters;
    }

    /** Every role of the account (ListRoles, every page), in IAM's order. */
    List<Role> listRoles() {
        List<Role> roles = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListRolesResponse page = send(
                    "ListRoles",
                    "*",
                    () -> iam.listRoles(request ->
                            request.maxItems(PAGE_SIZE).marker(from).overrideConfiguration(asProvisioner())));
            roles.addAll(page.roles());
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return roles;
    }

    /**
     * The account's own managed policies that can be attached to a role (ListPolicies with
     * Scope=Local, every page of {@code pageSize}; IAM has no attachable filter, so a policy it marks
     * as not attachable is left out here), in IAM's order.
     */
    List<Policy> listLocalPolicies(int pageSize) {
        List<Policy> policies = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListPoliciesResponse page = send(
                    "ListPolicies",
                    "*",
                    () -> iam.listPolicies(request -> request.scope(PolicyScopeType.LOCAL)
                            .maxItems(pageSize)
                            .marker(from)
                            .overrideConfiguration(asProvisioner())));
            page.policies().stream()
                    .filter(policy -> !Boolean.FALSE.equals(policy.isAttachable()))
                    .forEach(policies::add);
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return policies;
    }

    /** The document of one version of a managed policy (GetPolicyVersion), as JSON text. */
    String policyDocument(String policyArn, String versionId) {
        String encoded = send(
                        "GetPolicyVersion",
                        "*",
                        () -> iam.getPolicyVersion(request -> request.policyArn(policyArn)
                                .versionId(versionId)
                                .overrideConfiguration(asProvisioner())))
                .policyVersion()
                .document();
        return LiveRoleReader.document(encoded).toString();
    }

    /**
     * The permissions of every role of the account by name (GetAccountAuthorizationDetails filtered to
     * roles, every page): inline documents, managed policies, boundary, tags and instance profiles, so
     * that a scan reads a thousand roles in a few calls instead of several per role.
     */
    Map<String, RoleDetail> roleDetails() {
        Map<String, RoleDetail> details = new LinkedHashMap<>();
        String marker = null;
        do {
            String from = marker;
            GetAccountAuthorizationDetailsResponse page = send(
                    "GetAccountAuthorizationDetails",
                    "*",
                    () -> iam.getAccountAuthorizationDetails(request -> request.filterWithStrings("Role")
                            .maxItems(PAGE_SIZE)
                            .marker(from)
                            .overrideConfiguration(asProvisioner())));
            page.roleDetailList().forEach(detail -> details.put(detail.roleName(), detail));
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return details;
    }

    /** A role of a scan as a spec: its policies from the details when there are any. */
    static RoleSpec spec(String accountId, Role role, @Nullable RoleDetail detail) {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        List<String> managed = List.of();
        Map<String, String> tags = new LinkedHashMap<>();
        String boundary = null;
        if (detail != null) {
            for (PolicyDetail policy : detail.rolePolicyList()) {
                inline.put(policy.policyName(), LiveRoleReader.document(policy.policyDocument()));
            }
            managed = detail.attachedManagedPolicies().stream()
                    .map(AttachedPolicy::policyArn)
                    .toList();
            detail.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            boundary = detail.permissionsBoundary() == null
                    ? null
                    : detail.permissionsBoundary().permissionsBoundaryArn();
        }
        return new RoleSpec(
                accountId,
                role.roleName(),
                role.path(),
                role.description(),
                LiveRoleReader.document(role.assumeRolePolicyDocument()),
                managed,
                inline,
                boundary,
                role.maxSessionDuration() == null ? RoleSpec.DEFAULT_SESSION_SECONDS : role.maxSessionDuration(),
                tags,
                null);
    }

    @Override
    public void close() {
        if (provisionerRole != null) {
            provisionerRole.close();
        }
    }

    private Consumer<AwsRequestOverrideConfiguration.Builder> asProvisioner() {
        return override -> {
            if (provisionerRole != null) {
                override.credentialsProvider((AwsCredentialsProvider) provisionerRole);
            }
        };
    }

    private <T> T send(String action, String roleName, Supplier<T> call) {
        awaitTurn.run();
        long started = System.nanoTime();
        try {
            T response = call.get();
            meters.iamCall(account.id(), action, true, Duration.ofNanos(System.nanoTime() - started), 1);
            if (!action.startsWith("List") && !action.startsWith("Get")) {
                log.info(
                        "action={} role={} account={} purpose={} outcome=succeeded",
                        action,
                        roleName,
                        account.id(),
                        purpose);
            }
            return response;
        } catch (SdkException e) {
            IamCallFailedException failure = IamGateway.translate(e);
            meters.iamCall(account.id(), action, false, Duration.ofNanos(System.nanoTime() - started), 1);
            log.warn(
                    "action={} role={} account={} purpose={} outcome=failed code={} message={}",
                    action,
                    roleName,
                    account.id(),
                    purpose,
                    failure.code(),
                    failure.getMessage());
            throw failure;
        }
    }
}
