package dev.rolecall.provisioning;

import dev.rolecall.request.RoleSpec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Reads one role with the calls of one {@link IamSession}: GetRole, then every page of
 * ListRolePolicies (with GetRolePolicy for each name), ListAttachedRolePolicies, ListRoleTags and
 * ListInstanceProfilesForRole. Each call waits its turn in the account's rate limit.
 */
final class LiveRoleReader {

    /** IAM's default page size. */
    static final int DEFAULT_PAGE_SIZE = 100;

    private final IamClient iam;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> asProvisioner;
    private final Runnable awaitTurn;
    private final int pageSize;

    LiveRoleReader(
            IamClient iam,
            Consumer<AwsRequestOverrideConfiguration.Builder> asProvisioner,
            Runnable awaitTurn,
            int pageSize) {
        this.iam = iam;
        this.asProvisioner = asProvisioner;
        this.awaitTurn = awaitTurn;
        this.pageSize = pageSize;
    }

    /**
     * The role, or empty when there is none by that name (also when it disappears while being read).
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when a call fails for another reason
     */
    Optional<LiveRole> read(String accountId, String roleName) {
        try {
            return Optional.of(readExisting(accountId, roleName));
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    private LiveRole readExisting(String accountId, String roleName) {
        awaitTurn.run();
        Role role = iam.getRole(request -> request.roleName(roleName).overrideConfiguration(asProvisioner))
                .role();
        Map<String, JsonNode> inline = inlinePolicies(roleName);
        List<String> managed = managedPolicyArns(roleName);
        Map<String, String> tags = tags(roleName);
        List<String> profiles = instanceProfiles(roleName);
        RoleSpec spec = new RoleSpec(
                accountId,
                role.roleName(),
                role.path(),
                role.description(),
                document(role.assumeRolePolicyDocument()),
                managed,
                inline,
                role.permissionsBoundary() == null
                        ? null
                        : role.permissionsBoundary().permissionsBoundaryArn(),
                role.maxSessionDuration() == null ? RoleSpec.DEFAULT_SESSION_SECONDS : role.maxSessionDuration(),
                withoutRolecallTags(tags),
                null);
        return new LiveRole(spec, role.arn(), role.roleId(), role.createDate(), profiles, tags, Instant.now());
    }

    private Map<String, JsonNode> inlinePolicies(String roleName) {
        List<String> names = pages(marker -> {
            var page = iam.listRolePolicies(request ->
                    request.roleName(roleName).maxItems(pageSize).marker(marker).overrideConfiguration(asProvisioner));
            return new Page<>(page.policyNames(), page.isTruncated(), page.marker());
        });
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        for (String name : names) {
            awaitTurn.run();
            String text = iam.getRolePolicy(request ->
                            request.roleName(roleName).policyName(name).overrideConfiguration(asProvisioner))
                    .policyDocument();
            policies.put(name, document(text));
        }
        return policies;
    }

    private List<String> managedPolicyArns(String roleName) {
        return pages(marker -> {
            var page = iam.listAttachedRolePolicies(request ->
                    request.roleName(roleName).maxItems(pageSize).marker(marker).overrideConfiguration(asProvisioner));
            return new Page<>(
                    page.attachedPolicies().stream()
                            .map(AttachedPolicy::policyArn)
                            .toList(),
                    page.isTruncated(),
                    page.marker());
        });
    }

    private Map<String, String> tags(String roleName) {
        List<Tag> tags = pages(marker -> {
            var page = iam.listRoleTags(request ->
                    request.roleName(roleName).maxItems(pageSize).marker(marker).overrideConfiguration(asProvisioner));
            return new Page<>(page.tags(), page.isTruncated(), page.marker());
        });
        Map<String, String> byKey = new LinkedHashMap<>();
        tags.forEach(tag -> byKey.put(tag.key(), tag.value()));
        return byKey;
    }

    private List<String> instanceProfiles(String roleName) {
        return pages(marker -> {
            var page = iam.listInstanceProfilesForRole(request ->
                    request.roleName(roleName).maxItems(pageSize).marker(marker).overrideConfiguration(asProvisioner));
            return new Page<>(
                    page.instanceProfiles().stream()
                            .map(InstanceProfile::instanceProfileName)
                            .toList(),
                    page.isTruncated(),
                    page.marker());
        });
    }

    /** Every item of every page, following IAM's markers; each page call waits its turn. */
    private <T> List<T> pages(Function<@Nullable String, Page<T>> call) {
        List<T> items = new ArrayList<>();
        String marker = null;
        do {
            awaitTurn.run();
            Page<T> page = call.apply(marker);
            items.addAll(page.items());
            marker = Boolean.TRUE.equals(page.truncated()) ? page.marker() : null;
        } while (marker != null);
        return items;
    }

    private static Map<String, String> withoutRolecallTags(Map<String, String> tags) {
        Map<String, String> own = new LinkedHashMap<>(tags);
        own.remove(ChangePlanner.MANAGED_BY_TAG);
        own.remove(ChangePlanner.REQUEST_ID_TAG);
        return own;
    }

    /**
     * A policy document as IAM returns it: URL-encoded (RFC 3986) from GetRole and GetRolePolicy,
     * plain JSON from some emulators. A plus sign stays a plus sign.
     */
    static JsonNode document(String text) {
        String json = text.stripLeading().startsWith("{")
                ? text
                : URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        return IamCall.JSON.readTree(json);
    }

    private record Page<T>(
            List<T> items,
            @Nullable Boolean truncated,
            @Nullable String marker) {}
}
