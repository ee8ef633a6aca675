package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.test.MotoServer;
import dev.rolecall.test.RunningRolecallTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Break-glass over the JSON API, against moto: alice (group {@code incident} in the demo configuration)
 * files an emergency and moto has the role with no human decision; the flag is in the request's JSON and
 * the audit CSV; a missing reason and a person break-glass does not allow are field errors, and nothing
 * is filed.
 */
class BreakGlassIntegrationTests extends RunningRolecallTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newHttpClient();

    private static String body(String roleName, String emergency) {
        return """
                {"accountId":"%s","roleName":"%s",
                 "trustPolicy":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                   "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole",
                   "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]},
                 "inlinePolicies":{"read-queue":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                   "Action":"sqs:ReceiveMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:payments"}]}},
                 "justification":"payments-api reads its queue",%s}""".formatted(MOTO_ACCOUNT, roleName, emergency);
    }

    @Test
    void anEmergencyIsAppliedToMotoAtOnceWithNoHumanDecisionAndFlaggedInJsonAndTheAuditCsv() throws Exception {
        HttpResponse<String> created = send(
                "alice",
                "POST",
                "/api/v1/role-requests",
                body("emergency-reader", "\"emergency\":true,\"emergencyReason\":\"INC-4711: payments queue stuck\""));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode request = JSON.readTree(created.body());
        String id = request.get("id").asString();
        assertThat(request.get("emergency").asBoolean()).isTrue();
        assertThat(request.get("emergencyReason").asString()).isEqualTo("INC-4711: payments queue stuck");
        assertThat(request.get("emergencyReview").asString()).isEqualTo("WAITING");

        JsonNode applied = awaitStatus(id, "APPLIED");
        assertThat(applied.get("roleArn").asString())
                .isEqualTo("arn:aws:iam::" + MOTO_ACCOUNT + ":role/emergency-reader");
        List<String> deciders = new ArrayList<>();
        applied.get("decisions")
                .forEach(decision -> deciders.add(decision.get("reviewer").asString()));
        assertThat(deciders).as("no person decided").containsExactly("rolecall");
        assertThat(applied.get("decisions").get(0).get("comment").asString())
                .isEqualTo("Approved at once by break-glass: INC-4711: payments queue stuck");
        try (IamClient iam = MotoServer.shared().iamClient()) {
            assertThat(iam.getRole(r -> r.roleName("emergency-reader")).role().arn())
                    .isEqualTo(applied.get("roleArn").asString());
        }

        HttpResponse<String> csv = send("carol", "GET", "/api/v1/audit-events.csv?from=2020-01-01T00:00:00Z", null);
        assertThat(csv.body().lines().filter(line -> line.contains(id)))
                .anySatisfy(line -> assertThat(line).contains("request.emergency", "INC-4711"))
                .anySatisfy(line -> assertThat(line).contains("apply.applied"));
    }

    @Test
    void aMissingReasonAndAPersonNotAllowedAreFieldErrorsAndNothingIsFiled() throws Exception {
        HttpResponse<String> noReason =
                send("alice", "POST", "/api/v1/role-requests", body("emergency-no-reason", "\"emergency\":true"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(errors(noReason))
                .containsExactly("emergencyReason: is required: say why this cannot wait for review");

        HttpResponse<String> frank = send(
                "frank",
                "POST",
                "/api/v1/role-requests",
                body("emergency-frank", "\"emergency\":true,\"emergencyReason\":\"INC-1\""));
        assertThat(frank.statusCode()).isEqualTo(400);
        assertThat(errors(frank)).containsExactly("emergency: you may not file emergency requests");

        for (String user : List.of("alice", "frank")) {
            assertThat(send(user, "GET", "/api/v1/role-requests?size=100", null).body())
                    .doesNotContain("emergency-no-reason", "emergency-frank");
        }
    }

    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        JSON.readTree(response.body())
                .get("errors")
                .forEach(error -> errors.add(error.get("field").asString() + ": "
                        + error.get("message").asString()));
        return errors;
    }

    private JsonNode awaitStatus(String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode request = JSON.readTree(
                    send("alice", "GET", "/api/v1/role-requests/" + id, null).body());
            if (request.get("status").asString().equals(status) || System.nanoTime() > deadline) {
                assertThat(request.get("status").asString()).isEqualTo(status);
                return request;
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/csv")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
