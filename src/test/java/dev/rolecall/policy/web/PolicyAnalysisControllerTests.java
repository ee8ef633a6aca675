package dev.rolecall.policy.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest(PolicyAnalysisController.class)
@Import({SecuritySliceConfiguration.class, PolicyAnalysisService.class, PolicyFixtures.Beans.class})
class PolicyAnalysisControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountRegistry accounts;

    @Test
    void analysesTrustPermissionsBoundaryAndManagedPolicies() throws Exception {
        given(accounts.all())
                .willReturn(List.of(new TargetAccount(
                        "111122223333", "demo", "sandbox", "eu-west-1", null, null, null, ApplyMode.PLAN_ONLY)));
        String body = """
                {"trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                 "permissionPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": "iam:PassRole", "Resource": "*"}]}],
                 "permissionsBoundary": "arn:aws:iam::aws:policy/PowerUserAccess",
                 "managedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
                 "maxSessionDurationSeconds": 7200, "tags": {"team": "payments"}}""";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.blocked").value(false))
                .andExpect(jsonPath("$.catalogVersion").isString())
                .andExpect(jsonPath("$.catalogDate").isString())
                // PowerUserAccess as boundary leaves iam:PassRole out: the inline grant is not effective.
                .andExpect(jsonPath("$.findings[*].code", not(hasItem("iam-passrole-star"))))
                .andExpect(jsonPath("$.findings[*].code", hasItem("data-exfiltration-star")))
                .andExpect(jsonPath("$.findings[0].severity").isString())
                .andExpect(jsonPath("$.findings[0].location").isString())
                .andExpect(jsonPath("$.findings[0].remediation").isString());
    }

    @Test
    void reportsPassRoleOnEveryRoleWithItsLocation() throws Exception {
        String body = """
                {"permissionPolicies": [{"Version": "2012-10-17", "Statement": [{"Sid": "Pass", "Effect": "Allow",
                   "Action": "iam:PassRole", "Resource": "*"}]}]}""";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.findings[0].code").value("iam-passrole-star"))
                .andExpect(jsonPath("$.findings[0].severity").value("HIGH"))
                .andExpect(jsonPath("$.findings[0].location")
                        .value(org.hamcrest.Matchers.containsString("statement 1 (Sid Pass) · Action")))
                .andExpect(jsonPath("$.findings[0].policy").value("permissionPolicies[0]"))
                .andExpect(jsonPath("$.findings[0].line").isNumber());
    }

    @Test
    void invalidDocumentsAreBlockingFindings() throws Exception {
        String body = """
                {"permissionPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Permit",
                   "Action": "s3:GetObject", "Resource": "*"}]}]}""";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blocked").value(true))
                .andExpect(jsonPath("$.findings[*].code", hasItem("policy-invalid")))
                .andExpect(jsonPath("$.findings[0].severity").value("BLOCK"));
    }

    @Test
    void invalidRoleFieldsAreFieldErrorsNotFindings() throws Exception {
        String body = """
                {"permissionPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": "iam:PassRole", "Resource": "*"}]}],
                 "maxSessionDurationSeconds": 60, "roleName": "no spaces allowed"}""";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("roleName", "maxSessionDurationSeconds")))
                .andExpect(jsonPath("$.errors[0].message").isString())
                .andExpect(jsonPath("$.findings").doesNotExist())
                .andExpect(jsonPath("$.riskLevel").doesNotExist());
    }

    @Test
    void aRaisedRiskSaysWhy() throws Exception {
        String body = """
                {"trustPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                 "permissionPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": "iam:PassRole", "Resource": "*"}]}]}""";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskLevel").value("CRITICAL"))
                .andExpect(jsonPath("$.riskReason").value("raised from HIGH: a compute service can assume this role"));
    }

    @Test
    void reportsDefenceEvasionInItsOwnCategory() throws Exception {
        String body = """
                {"permissionPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                   "Action": ["cloudtrail:StopLogging", "guardduty:DeleteDetector"], "Resource": "*"}]}]}""";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.findings[0].code").value("defence-evasion"))
                .andExpect(jsonPath("$.findings[0].severity").value("HIGH"))
                .andExpect(jsonPath("$.findings[0].category").value("Defence evasion"));
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws Exception {
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"permissionPolicies\": [ {"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void deeplyNestedBodiesAreRejectedQuickly() throws Exception {
        String body = "{\"trustPolicy\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        mvc.perform(post("/api/v1/policy-analyses")
                        .with(httpBasic("alice", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void withoutCredentialsIs401() throws Exception {
        mvc.perform(post("/api/v1/policy-analyses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }
}
