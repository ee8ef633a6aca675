package dev.rolecall.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.account.ApplyMode;
import dev.rolecall.account.TargetAccount;
import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyAnalysisService;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis API reads a role-request body as it is, and reads nothing it does not know: a
 * document under a name it ignored would otherwise be answered LOW, not blocked, unread.
 */
@UsesTestDatabase
@WebMvcTest(PolicyAnalysisController.class)
@Import({SecuritySliceConfiguration.class, PolicyAnalysisService.class, PolicyFixtures.Beans.class})
class PolicyAnalysisBodyTests {

    static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
               "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""";
    static final String PASS_ROLE = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "Pass", "Effect": "Allow",
               "Action": "iam:PassRole", "Resource": "*"}]}""";
    static final String READ_LOGS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
               "Action": "logs:GetLogEvents", "Resource": "*"}]}""";

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountRegistry accounts;

    @BeforeEach
    void accounts() {
        given(accounts.all())
                .willReturn(List.of(new TargetAccount(
                        "111122223333", "demo", "sandbox", "eu-west-1", null, null, null, ApplyMode.PLAN_ONLY)));
    }

    @Test
    void aDangerousInlinePolicyUnderTheRoleRequestNameIsReported() throws Exception {
        analyse("{\"inlinePolicies\": {\"pass\": " + PASS_ROLE + "}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.findings[0].code").value("iam-passrole-star"))
                .andExpect(jsonPath("$.findings[0].policy").value("inlinePolicies.pass"));
    }

    @Test
    void theRoleRequestBodyGetsTheSameFindingsAsTheNativeShape() throws Exception {
        String roleRequest = """
                {"accountId": "111122223333", "roleName": "ci-deployer", "path": "/ci/",
                 "description": "Deploys payments", "trustPolicy": %s,
                 "managedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
                 "inlinePolicies": {"pass": %s, "read-logs": %s},
                 "permissionsBoundaryArn": "arn:aws:iam::aws:policy/IAMFullAccess",
                 "maxSessionDurationSeconds": 7200, "tags": {"team": "payments"},
                 "expiresAt": "2030-01-01T00:00:00Z",
                 "justification": "CI deploys payments-api (PAY-1234)"}""".formatted(TRUST, PASS_ROLE, READ_LOGS);
        String nativeShape = """
                {"accountId": "111122223333", "roleName": "ci-deployer", "path": "/ci/",
                 "description": "Deploys payments", "trustPolicy": %s,
                 "managedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
                 "permissionPolicies": [%s, %s],
                 "permissionsBoundary": "arn:aws:iam::aws:policy/IAMFullAccess",
                 "maxSessionDurationSeconds": 7200, "tags": {"team": "payments"}}""".formatted(TRUST, PASS_ROLE, READ_LOGS);

        JsonNode fromRequest = body(analyse(roleRequest).andExpect(status().isOk()));
        JsonNode fromNative = body(analyse(nativeShape).andExpect(status().isOk()));

        assertThat(findings(fromRequest))
                .anyMatch(finding -> finding.startsWith("iam-passrole-star"))
                .isEqualTo(findings(fromNative));
        assertThat(fromRequest.get("riskLevel")).isEqualTo(fromNative.get("riskLevel"));
        assertThat(fromRequest.get("blocked")).isEqualTo(fromNative.get("blocked"));
    }

    @Test
    void thePermissionPoliciesUnderBothNamesAreA400() throws Exception {
        analyse("{\"permissionPolicies\": [" + READ_LOGS + "], \"inlinePolicies\": {\"pass\": " + PASS_ROLE + "}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("inlinePolicies"));
    }

    @Test
    void theBoundaryUnderBothNamesIsA400() throws Exception {
        analyse("""
                        {"permissionsBoundary": "arn:aws:iam::aws:policy/PowerUserAccess",
                         "permissionsBoundaryArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("permissionsBoundaryArn")));
    }

    @Test
    void aPropertyTheApiDoesNotKnowIsA400NamingIt() throws Exception {
        analyse("{\"permissionPolicy\": [" + PASS_ROLE + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("permissionPolicy"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("permissionPolicy is not a field of this request; remove it"));
    }

    private ResultActions analyse(String body) throws Exception {
        return mvc.perform(post("/api/v1/policy-analyses")
                .with(httpBasic("alice", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static JsonNode body(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** What each finding says, without where: the two shapes name the same policy differently. */
    private static List<String> findings(JsonNode analysis) {
        return analysis.get("findings")
                .valueStream()
                .map(finding -> finding.get("code").asString() + " "
                        + finding.get("severity").asString() + " " + finding.get("line"))
                .toList();
    }
}
