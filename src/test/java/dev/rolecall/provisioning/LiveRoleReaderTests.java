package dev.rolecall.provisioning;

import static dev.rolecall.provisioning.TestSpecs.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The reader follows IAM's markers for lists the emulator answers in one page, decodes documents
 * as IAM encodes them, and waits for the rate limit before every call.
 */
class LiveRoleReaderTests {

    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger turns = new AtomicInteger();

    @Test
    void followsTheMarkersOfEveryListAndWaitsItsTurnForEachCall() {
        LiveRole role = new LiveRoleReader(paging(), override -> {}, turns::incrementAndGet, 2)
                .read("123456789012", "app")
                .orElseThrow();

        assertThat(role.spec().inlinePolicies()).containsOnlyKeys("p1", "p2", "p3");
        assertThat(role.spec().inlinePolicies().get("p3")).isEqualTo(json(TestSpecs.READ_BUCKET));
        assertThat(role.instanceProfileNames()).containsExactly("ip1", "ip2", "ip3");
        assertThat(role.spec().trustPolicy()).isEqualTo(json(TestSpecs.TRUST));
        assertThat(calls)
                .containsExactly(
                        "GetRole",
                        "ListRolePolicies -",
                        "ListRolePolicies m1",
                        "GetRolePolicy p1",
                        "GetRolePolicy p2",
                        "GetRolePolicy p3",
                        "ListAttachedRolePolicies",
                        "ListRoleTags",
                        "ListInstanceProfilesForRole -",
                        "ListInstanceProfilesForRole m1");
        assertThat(turns).hasValue(calls.size());
    }

    @Test
    void aRoleThatDisappearsWhileBeingReadIsAbsent() {
        IamClient client = client(method -> {
            if (method.equals("listRolePolicies")) {
                throw NoSuchEntityException.builder().message("gone").build();
            }
        });

        assertThat(new LiveRoleReader(client, override -> {}, () -> {}, 2).read("123456789012", "app"))
                .isEmpty();
    }

    @Test
    void decodesUrlEncodedDocumentsAndKeepsPlusSigns() {
        String plain = "{\"Resource\":\"arn:aws:s3:::a+b/c d\"}";

        assertThat(LiveRoleReader.document(awsEncoded(plain))).isEqualTo(json(plain));
        assertThat(LiveRoleReader.document(plain)).isEqualTo(json(plain));
    }

    private IamClient paging() {
        return client(method -> {});
    }

    /** An IAM client answering from a script: two pages of inline policies and of instance profiles. */
    private IamClient client(Consumer<String> before) {
        return (IamClient) Proxy.newProxyInstance(
                IamClient.class.getClassLoader(), new Class<?>[] {IamClient.class}, (proxy, method, args) -> {
                    before.accept(method.getName());
                    return switch (method.getName()) {
                        case "getRole" -> getRole();
                        case "listRolePolicies" -> listRolePolicies(args[0]);
                        case "getRolePolicy" -> getRolePolicy(args[0]);
                        case "listAttachedRolePolicies" -> {
                            calls.add("ListAttachedRolePolicies");
                            yield ListAttachedRolePoliciesResponse.builder()
                                    .isTruncated(false)
                                    .build();
                        }
                        case "listRoleTags" -> {
                            calls.add("ListRoleTags");
                            yield ListRoleTagsResponse.builder()
                                    .isTruncated(false)
                                    .build();
                        }
                        case "listInstanceProfilesForRole" -> listInstanceProfiles(args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    private GetRoleResponse getRole() {
        calls.add("GetRole");
        return GetRoleResponse.builder()
                .role(role -> role.roleName("app")
                        .path("/")
                        .arn("arn:aws:iam::123456789012:role/app")
                        .roleId("AROAEXAMPLE")
                        .createDate(Instant.parse("2026-01-01T00:00:00Z"))
                        .maxSessionDuration(3600)
                        .assumeRolePolicyDocument(awsEncoded(TestSpecs.TRUST)))
                .build();
    }

    @SuppressWarnings("unchecked")
    private ListRolePoliciesResponse listRolePolicies(Object request) {
        var builder = ListRolePoliciesRequest.builder();
        ((Consumer<ListRolePoliciesRequest.Builder>) request).accept(builder);
        String marker = builder.build().marker();
        calls.add("ListRolePolicies " + (marker == null ? "-" : marker));
        return marker == null
                ? ListRolePoliciesResponse.builder()
                        .policyNames("p1", "p2")
                        .isTruncated(true)
                        .marker("m1")
                        .build()
                : ListRolePoliciesResponse.builder()
                        .policyNames("p3")
                        .isTruncated(false)
                        .build();
    }

    @SuppressWarnings("unchecked")
    private GetRolePolicyResponse getRolePolicy(Object request) {
        var builder = GetRolePolicyRequest.builder();
        ((Consumer<GetRolePolicyRequest.Builder>) request).accept(builder);
        calls.add("GetRolePolicy " + builder.build().policyName());
        return GetRolePolicyResponse.builder()
                .policyDocument(awsEncoded(TestSpecs.READ_BUCKET))
                .build();
    }

    @SuppressWarnings("unchecked")
    private ListInstanceProfilesForRoleResponse listInstanceProfiles(Object request) {
        var builder = ListInstanceProfilesForRoleRequest.builder();
        ((Consumer<ListInstanceProfilesForRoleRequest.Builder>) request).accept(builder);
        String marker = builder.build().marker();
        calls.add("ListInstanceProfilesForRole " + (marker == null ? "-" : marker));
        return marker == null
                ? ListInstanceProfilesForRoleResponse.builder()
                        .instanceProfiles(profile("ip1"), profile("ip2"))
                        .isTruncated(true)
                        .marker("m1")
                        .build()
                : ListInstanceProfilesForRoleResponse.builder()
                        .instanceProfiles(profile("ip3"))
                        .isTruncated(false)
                        .build();
    }

    private static InstanceProfile profile(String name) {
        return InstanceProfile.builder().instanceProfileName(name).build();
    }

    /** What IAM sends: RFC 3986 percent-encoding, a space as {@code %20}. */
    private static String awsEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
