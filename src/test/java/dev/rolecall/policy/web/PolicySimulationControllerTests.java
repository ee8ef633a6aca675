package dev.rolecall.policy.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.PolicyService;
import dev.rolecall.test.UsesTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@UsesTestDatabase
@WebMvcTest(PolicySimulationController.class)
@Import({SecuritySliceConfiguration.class, PolicyService.class, PolicyFixtures.Beans.class})
class PolicySimulationControllerTests {

    private static final String URL = "/api/v1/policy-simulations";

    private static final String SIMULATION = """
            {
              "identityPolicies": [{"Version": "2012-10-17", "Statement": [
                {"Sid": "ReadInvoices", "Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::invoices/*"},
                {"Sid": "NoDelete", "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*"}]}],
              "permissionsBoundaries": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*",
                "Resource": "*"}}],
              "serviceControlPolicies": [[{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*",
                "Resource": "*"}}]],
              "request": {"action": "%s", "resource": "arn:aws:s3:::invoices/2024/report.pdf",
                          "principal": "arn:aws:iam::111122223333:role/app", "context": {"aws:SecureTransport": true}}
            }""";

    @Autowired
    MockMvc mvc;

    private static MockHttpServletRequestBuilder simulate(String body) {
        return post(URL).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutCredentialsTheApiAnswers401() throws Exception {
        mvc.perform(simulate(SIMULATION.formatted("s3:GetObject")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersAllowedWithTheStatementsOfEveryLayer() throws Exception {
        mvc.perform(simulate(SIMULATION.formatted("s3:GetObject")).with(httpBasic("alice", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.decision").value("ALLOWED"))
                .andExpect(jsonPath("$.decisiveStatements.length()").value(3))
                .andExpect(jsonPath("$.decisiveStatements[1].policy").value("identityPolicies[0]"))
                .andExpect(jsonPath("$.decisiveStatements[1].statementIndex").value(0))
                .andExpect(jsonPath("$.decisiveStatements[1].sid").value("ReadInvoices"))
                .andExpect(jsonPath("$.decisiveStatements[1].layer").value("IDENTITY"))
                .andExpect(jsonPath("$.explanation", containsString("Sid ReadInvoices")));
    }

    @Test
    void answersAnExplicitDenyWithTheDenyingStatement() throws Exception {
        mvc.perform(simulate(SIMULATION.formatted("s3:DeleteObject")).with(user("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("EXPLICITLY_DENIED"))
                .andExpect(jsonPath("$.decisiveStatements.length()").value(1))
                .andExpect(jsonPath("$.decisiveStatements[0].sid").value("NoDelete"))
                .andExpect(jsonPath("$.decisiveStatements[0].effect").value("Deny"));
    }

    @Test
    void answersAnImplicitDenyWithItsReason() throws Exception {
        mvc.perform(simulate(SIMULATION.formatted("s3:PutObject")).with(user("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("IMPLICITLY_DENIED"))
                .andExpect(jsonPath("$.decisiveStatements.length()").value(0))
                .andExpect(jsonPath("$.explanation", containsString("No identity-based")));
    }

    @Test
    void namesTheAwsRuleAndSaysItInWords() throws Exception {
        String kms = """
                {"identityPolicies": [{"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                   "Action": "kms:Decrypt", "Resource": "*"}}],
                 "resourcePolicy": {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::111122223333:role/key-admin"}, "Action": "kms:*",
                   "Resource": "*"}},
                 "request": {"action": "kms:Decrypt",
                             "resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                             "principal": "arn:aws:iam::111122223333:role/app"}}""";

        mvc.perform(simulate(kms).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("IMPLICITLY_DENIED"))
                .andExpect(jsonPath("$.rule").value("KMS_KEY_POLICY"))
                .andExpect(jsonPath(
                        "$.explanation", containsString("identity policies alone never grant access to a KMS key")))
                .andExpect(jsonPath(
                        "$.explanation",
                        containsString("The key policy resourcePolicy allows neither this principal nor its account")));
    }

    @Test
    void reportsAnInvalidPolicyWithFieldLineAndColumn() throws Exception {
        String body = SIMULATION
                .formatted("s3:GetObject")
                .replace("\"Action\": \"s3:GetObject\"", "\"Action\": \"s3GetObject\"");

        mvc.perform(simulate(body).with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("identityPolicies[0]"))
                .andExpect(jsonPath(
                        "$.errors[0].message",
                        startsWith("Ln 3, Col 58 · statement 1 (Sid ReadInvoices) · Action: \"s3GetObject\"")))
                .andExpect(jsonPath("$.errors[0].line").value(3));
    }

    @Test
    void reportsAMissingRequestAndAnUnknownField() throws Exception {
        mvc.perform(simulate("{\"identityPolicies\": [], \"requests\": {}}").with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requests"))
                .andExpect(jsonPath("$.errors[1].field").value("request"));
    }

    @Test
    void reportsMalformedJson() throws Exception {
        mvc.perform(simulate("{\"request\": {\"action\": }").with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", startsWith("The body is not valid JSON")))
                .andExpect(jsonPath("$.errors[0].line").value(1));
    }

    @Test
    void refusesAMegabyteBodyWith413() throws Exception {
        String big = "{\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"" + "x".repeat(1 << 20) + "\"}}";

        mvc.perform(simulate(big).with(user("alice")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesDeepNestingWith400() throws Exception {
        String deep = "{\"request\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        mvc.perform(simulate(deep).with(user("alice")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("nested too deeply")));
    }

    @Test
    void acceptsOnlyJson() throws Exception {
        mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content("{}").with(user("alice")))
                .andExpect(status().isUnsupportedMediaType());
    }
}
