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
 * files an emergency and moto has the role with no human decision; the flag is in the request's JSON,
 * the role's history and the audit CSV; a missing reason and a person break-glass does not allow are
 * field errors, and nothing is filed; reviewers close the review after the fact over the API.
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
        HttpResponse<String> created = fileEmergency("emergency-reader", "INC-4711: payments queue stuck");
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

    @Test
    void aReviewerConfirmsOverTheApiWithADecisionsTokenAndTheRolesHistoryFlagsTheEmergency() throws Exception {
        HttpResponse<String> created = fileEmergency("emergency-ledger", "INC-5150: ledger cannot write");
        String id = JSON.readTree(created.body()).get("id").asString();
        String review = "/api/v1/role-requests/" + id + "/emergency-review";
        awaitStatus(id, "APPLIED");
        assertThat(historyEntry("emergency-ledger", id).toString())
                .contains(
                        "\"emergency\":true",
                        "\"emergencyReason\":\"INC-5150: ledger cannot write\"",
                        "\"emergencyReview\":\"WAITING\"");

        HttpResponse<String> own = send("alice", "POST", review, "{\"decision\":\"CONFIRM\"}");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(own.body()).get("reason").asString()).isEqualTo("OWN_REQUEST");
        HttpResponse<String> noReason = send("bob", "POST", review, "{\"decision\":\"REVOKE\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(errors(noReason))
                .containsExactly("comment: is required to revoke: say why, for the requester and the audit trail");
        HttpResponse<String> readOnly = sendWithToken(token("requests:read"), review, "{\"decision\":\"CONFIRM\"}");
        assertThat(readOnly.statusCode()).isEqualTo(403);

        HttpResponse<String> confirmed =
                sendWithToken(token("decisions:write"), review, "{\"decision\":\"CONFIRM\",\"comment\":\"Needed\"}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).get("emergencyReview").asString())
                .isEqualTo("CONFIRMED");
        HttpResponse<String> again = send("erin", "POST", review, "{\"decision\":\"CONFIRM\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asString())
                .isEqualTo("This emergency's review after the fact is closed already: it was CONFIRMED.");
        assertThat(historyEntry("emergency-ledger", id).get("emergencyReview").asString())
                .isEqualTo("CONFIRMED");
    }

    @Test
    void aRequestNotFiledAsAnEmergencyHasNoReviewAfterTheFactToClose() throws Exception {
        HttpResponse<String> created =
                send("alice", "POST", "/api/v1/role-requests", body("ordinary-reader", "\"emergency\":false"));
        String id = JSON.readTree(created.body()).get("id").asString();

        HttpResponse<String> review =
                send("bob", "POST", "/api/v1/role-requests/" + id + "/emergency-review", "{\"decision\":\"CONFIRM\"}");

        assertThat(review.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(review.body()).get("detail").asString())
                .isEqualTo("This request was not filed as an emergency: it has no review after the fact.");
        assertThat(JSON.readTree(send("bob", "GET", "/api/v1/role-requests/" + id, null)
                                .body())
                        .get("status")
                        .asString())
                .isEqualTo("IN_REVIEW");
    }

    private HttpResponse<String> fileEmergency(String roleName, String reason) throws Exception {
        return send(
                "alice",
                "POST",
                "/api/v1/role-requests",
                body(roleName, "\"emergency\":true,\"emergencyReason\":\"" + reason + "\""));
    }

    /** The entry of the role's history, as bob reads it from the inventory's API, that the request made. */
    private JsonNode historyEntry(String roleName, String requestId) throws Exception {
        JsonNode role = JSON.readTree(send("bob", "GET", "/api/v1/roles/" + MOTO_ACCOUNT + "/" + roleName, null)
                .body());
        for (JsonNode entry : role.get("history")) {
            if (requestId.equals(entry.path("requestId").asString(""))) {
                return entry;
            }
        }
        throw new AssertionError("no history entry of request " + requestId + " in " + role);
    }

    /** A token of bob's with this scope. */
    private String token(String scope) throws Exception {
        HttpResponse<String> created = send(
                "bob",
                "POST",
                "/api/v1/tokens",
                "{\"name\":\"emergency " + scope.replace(':', ' ') + "\",\"scopes\":[\"" + scope
                        + "\"],\"expiresAt\":\"" + tomorrow() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("token").asString();
    }

    private static String tomorrow() {
        return java.time.Instant.now()
                .plus(Duration.ofDays(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    private HttpResponse<String> sendWithToken(String token, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
