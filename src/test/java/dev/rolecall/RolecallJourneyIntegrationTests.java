package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RunningRolecallTests;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop over real HTTP, on real PostgreSQL, against a real IAM emulator: alice files a
 * role through the API, bob approves it, Rolecall applies it to moto, the role reads back exactly
 * as requested, and carol's CSV export holds every step.
 */
class RolecallJourneyIntegrationTests extends RunningRolecallTests {

    static final String BOUNDARY = "arn:aws:iam::aws:policy/PowerUserAccess";
    static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newHttpClient();

    static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole",
             "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""";
    static final String INLINE = """
            {"Version":"2012-10-17","Statement":[{"Sid":"WriteLogs","Effect":"Allow",
             "Action":["logs:CreateLogStream","logs:PutLogEvents"],
             "Resource":"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/payments:*"}]}""";

    @Test
    void requestApproveApplyAndAudit() throws Exception {
        String body = """
                {"accountId":"%s","roleName":"payments-lambda","path":"/payments/",
                 "description":"Runs the payments lambda","trustPolicy":%s,
                 "managedPolicyArns":["arn:aws:iam::aws:policy/ReadOnlyAccess"],
                 "inlinePolicies":{"write-logs":%s},
                 "permissionsBoundaryArn":"%s","maxSessionDurationSeconds":7200,
                 "tags":{"team":"payments","cost-center":"42"},
                 "justification":"The payments lambda writes its logs (PAY-7)"}""".formatted(MOTO_ACCOUNT, TRUST, INLINE, BOUNDARY);

        HttpResponse<String> created = send("alice", "POST", "/api/v1/role-requests", body);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode request = JSON.readTree(created.body());
        String id = request.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/role-requests/" + id);
        assertThat(request.get("status").asString()).isEqualTo("IN_REVIEW");

        assertThat(send("frank", "GET", "/api/v1/role-requests/" + id, null).statusCode())
                .isEqualTo(404);
        assertThat(send("alice", "POST", "/api/v1/role-requests/" + id + "/decisions", "{\"decision\":\"APPROVE\"}")
                        .statusCode())
                .isEqualTo(403);

        // bob and erin approve at the same moment: exactly one wins, the other gets 409.
        CompletableFuture<HttpResponse<String>> bob = sendAsync(
                "bob",
                "/api/v1/role-requests/" + id + "/decisions",
                "{\"decision\":\"APPROVE\",\"comment\":\"Scoped to its own log group\"}");
        CompletableFuture<HttpResponse<String>> erin = sendAsync(
                "erin",
                "/api/v1/role-requests/" + id + "/decisions",
                "{\"decision\":\"APPROVE\",\"comment\":\"LGTM\"}");
        List<Integer> codes = List.of(bob.get().statusCode(), erin.get().statusCode());
        assertThat(codes).containsExactlyInAnyOrder(200, 409);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> JSON.readTree(send("alice", "GET", "/api/v1/role-requests/" + id, null)
                                .body())
                        .get("status")
                        .asString()
                        .equals("APPLIED"));
        JsonNode applied = JSON.readTree(
                send("alice", "GET", "/api/v1/role-requests/" + id, null).body());
        assertThat(applied.get("roleArn").asString())
                .isEqualTo("arn:aws:iam::" + MOTO_ACCOUNT + ":role/payments/payments-lambda");
        assertThat(applied.get("decisions")).hasSize(1);
        List<String> calls = new ArrayList<>();
        applied.get("applySteps").forEach(step -> {
            calls.add(step.get("call").asString());
            assertThat(step.get("status").asString()).isEqualTo("SUCCEEDED");
        });
        assertThat(calls).containsExactly("CreateRole", "PutRolePolicy", "AttachRolePolicy");

        assertRoleInMotoIsExactlyWhatWasApproved(id);
        assertAuditCsvHoldsTheJourney(id);
    }

    /**
     * alice revises through the API (every refusal first, then a revision that review restarts on);
     * bob approves; the plan-only account records the IAM calls, stays APPROVED and sends nothing.
     */
    @Test
    void reviseThroughTheApiThenPlanOnly() throws Exception {
        String role = "api-revised-role";
        String body = """
                {"accountId":"111122223333","roleName":"%s","path":"/",
                 "trustPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                   "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]},
                 "inlinePolicies":{"write-logs":%s},"maxSessionDurationSeconds":%d,
                 "tags":{"team":"payments"%s},"justification":"%s"%s}""";
        HttpResponse<String> created = send(
                "alice", "POST", "/api/v1/role-requests", body.formatted(role, INLINE, 3600, "", "Writes logs", ""));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode request = JSON.readTree(created.body());
        String path = "/api/v1/role-requests/" + request.get("id").asString();
        long version = request.get("version").asLong();
        String revision = body.formatted(
                role, INLINE, 3600, ",\"cost-center\":\"42\"", "Writes logs, tagged", ",\"version\":" + version);

        assertThat(send("frank", "PUT", path, revision).statusCode()).isEqualTo(404);
        // An auditor reads every request but may not revise one (a reviewer of the waiting stage may).
        assertThat(send("carol", "PUT", path, revision).statusCode()).isEqualTo(403);
        String stale = revision.replace("\"version\":" + version, "\"version\":" + (version - 1));
        assertThat(send("alice", "PUT", path, stale).statusCode()).isEqualTo(409);
        HttpResponse<String> invalid =
                send("alice", "PUT", path, body.formatted(role, INLINE, 60, "", "Shorter", ",\"version\":" + version));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("maxSessionDurationSeconds");

        HttpResponse<String> revised = send("alice", "PUT", path, revision);
        assertThat(revised.statusCode()).isEqualTo(200);
        JsonNode second = JSON.readTree(revised.body());
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(second.get("spec").get("tags").get("cost-center").asString()).isEqualTo("42");

        assertThat(send("bob", "POST", path + "/decisions", "{\"decision\":\"APPROVE\",\"version\":" + version + "}")
                        .statusCode())
                .as("an approval of the revision bob read before is stale")
                .isEqualTo(409);
        assertThat(send(
                                "bob",
                                "POST",
                                path + "/decisions",
                                "{\"decision\":\"APPROVE\",\"version\":"
                                        + second.get("version").asLong() + "}")
                        .statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> !JSON.readTree(send("alice", "GET", path, null).body())
                        .get("applySteps")
                        .isEmpty());
        JsonNode planned = JSON.readTree(send("alice", "GET", path, null).body());
        assertThat(planned.get("status").asString()).isEqualTo("APPROVED");
        assertThat(planned.get("planOnly").asBoolean()).isTrue();
        planned.get("applySteps")
                .forEach(step -> assertThat(step.get("status").asString()).isEqualTo("PLANNED"));
        try (IamClient iam = MotoServer.shared().iamClient()) {
            assertThat(iam.listRoles().roles()).extracting(Role::roleName).doesNotContain(role);
        }

        HttpResponse<String> tooLate = send(
                "alice",
                "PUT",
                path,
                revision.replace(
                        "\"version\":" + version,
                        "\"version\":" + planned.get("version").asLong()));
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(tooLate.body()).get("status").asString()).isEqualTo("APPROVED");
    }

    private void assertRoleInMotoIsExactlyWhatWasApproved(String requestId) {
        try (IamClient iam = MotoServer.shared().iamClient()) {
            Role role = iam.getRole(r -> r.roleName("payments-lambda")).role();
            assertThat(role.path()).isEqualTo("/payments/");
            assertThat(role.description()).isEqualTo("Runs the payments lambda");
            assertThat(role.maxSessionDuration()).isEqualTo(7200);
            assertThat(role.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(BOUNDARY);
            JsonNode trust = JSON.readTree(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
            assertThat(trust).isEqualTo(JSON.readTree(TRUST));

            Map<String, String> tags = iam.listRoleTags(r -> r.roleName("payments-lambda")).tags().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value));
            assertThat(tags)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "team",
                            "payments",
                            "cost-center",
                            "42",
                            "managed-by",
                            "rolecall",
                            "rolecall:request-id",
                            requestId));

            assertThat(iam.listRolePolicies(r -> r.roleName("payments-lambda")).policyNames())
                    .containsExactly("write-logs");
            String inline = iam.getRolePolicy(r -> r.roleName("payments-lambda").policyName("write-logs"))
                    .policyDocument();
            assertThat(JSON.readTree(URLDecoder.decode(inline, StandardCharsets.UTF_8)))
                    .isEqualTo(JSON.readTree(INLINE));
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("payments-lambda"))
                            .attachedPolicies())
                    .extracting(AttachedPolicy::policyArn)
                    .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        }
    }

    private void assertAuditCsvHoldsTheJourney(String requestId) throws Exception {
        assertThat(send("alice", "GET", "/api/v1/audit-events.csv", null).statusCode())
                .isEqualTo(403);
        HttpResponse<String> csv = send("carol", "GET", "/api/v1/audit-events.csv?from=2020-01-01T00:00:00Z", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("event_id,occurred_at,actor,action,request_id,account_id,role_name,details");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.body()))) {
            rows = parser.getRecords();
        }
        List<CSVRecord> journey = rows.stream()
                .filter(row -> row.get("request_id").equals(requestId))
                .toList();
        assertThat(journey)
                .extracting(row -> row.get("action"))
                .contains(
                        "request.submitted",
                        "request.in_review",
                        "request.decision",
                        "request.approved",
                        "apply.started",
                        "apply.applied");
        assertThat(journey)
                .filteredOn(row -> row.get("action").equals("request.decision"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("actor")).isIn("bob", "erin"));
        assertThat(journey).allSatisfy(row -> {
            assertThat(row.get("account_id")).isEqualTo(MOTO_ACCOUNT);
            assertThat(row.get("role_name")).isEqualTo("payments-lambda");
            assertThat(row.get("occurred_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        });
        // The outcome names the calls the apply made; no call has an audit row of its own.
        assertThat(journey).noneMatch(row -> row.get("action").equals("apply.step"));
        assertThat(journey)
                .filteredOn(row -> row.get("action").equals("apply.applied"))
                .singleElement()
                .satisfies(row -> assertThat(row.get("details"))
                        .contains(
                                "\"call\":\"CreateRole\"",
                                "\"call\":\"PutRolePolicy\"",
                                "\"call\":\"AttachRolePolicy\""));
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        return http.send(request(user, method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String user, String path, String body) {
        return http.sendAsync(request(user, "POST", path, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String user, String method, String path, String body) {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/csv")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}
