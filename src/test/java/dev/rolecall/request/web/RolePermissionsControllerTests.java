package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

@UsesTestDatabase
@WebMvcTest(RolePermissionsController.class)
@Import({SecuritySliceConfiguration.class, RolePermissionsService.class, PolicyFixtures.Beans.class})
class RolePermissionsControllerTests {

    static final RoleRequestId ID = RoleRequestViews.ID;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    static JsonNode writeInvoices() {
        return RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Sid":"WriteInvoices","Effect":"Allow",
                 "Action":"s3:PutObject","Resource":"arn:aws:s3:::invoices/*"}]}""");
    }

    static RoleSpec spec(Map<String, JsonNode> inline, List<String> managed, String boundary) {
        return new RoleSpec(
                RoleSpecs.ACCOUNT,
                "ci-deployer",
                "/",
                null,
                RoleSpecs.lambdaTrust(),
                managed,
                inline,
                boundary,
                3600,
                Map.of(),
                null);
    }

    static RoleRequestView view(int revision, RoleSpec spec) {
        return RoleRequestViews.alices(RoleRequestStatus.IN_REVIEW, revision, spec);
    }

    @Test
    void theEffectivePermissionsCountActionsPerServiceAndSayWhatIsNotAnalysed() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(
                        1,
                        spec(
                                Map.of("read-logs", RoleSpecs.readLogs()),
                                List.of("arn:aws:iam::111122223333:policy/custom"),
                                null)));

        mvc.perform(get("/requests/" + ID + "/permissions").with(user("alice")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"effective-permissions\"")))
                .andExpect(content().string(containsString("CloudWatch Logs")))
                .andExpect(content().string(containsString("Nothing here needs a close look")))
                .andExpect(content().string(containsString("All resources (*)")))
                .andExpect(content().string(containsString("arn:aws:iam::111122223333:policy/custom")))
                .andExpect(content().string(containsString("not available offline")))
                .andExpect(content().string(containsString("href=\"/requests/" + ID + "/permissions/all\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    /** The example a reviewer once had to scroll 49,000 px through: ReadOnlyAccess and one PassRole on *. */
    static RoleSpec readOnlyAndPassRole() {
        return spec(Map.of("pass-roles", RoleSpecs.json("""
                                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole",
                                 "Resource":"*"}]}""")), List.of(READ_ONLY), null);
    }

    @Test
    void theEffectivePermissionsLeadWithTheEscalationAndStaySmall() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(1, readOnlyAndPassRole()));

        String html = body(htmxAsBob("/requests/" + ID + "/permissions"));

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(40_000);
        assertThat(html.indexOf("Privilege escalation"))
                .isPositive()
                .isLessThan(html.indexOf("Data reads on every resource"));
        assertThat(html.indexOf("iam:PassRole")).isPositive().isLessThan(html.indexOf("s3:GetObject"));
        assertThat(html).contains("need a close look").doesNotContain("a4b:");
        assertThat(html).contains("Show all ", "hx-get=\"/requests/" + ID + "/permissions/all\"");
    }

    @Test
    void theNewAccessOfRevisionOneLeadsWithTheEscalationAndStaysSmall() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(1, readOnlyAndPassRole()));

        String html = body(htmxAsBob("/requests/" + ID + "/changes"));

        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(40_000);
        assertThat(html).contains("This is revision 1", "Newly allowed: ").doesNotContain("a4b:");
        assertThat(html.indexOf("iam:PassRole")).isPositive().isLessThan(html.indexOf("s3:GetObject"));
        assertThat(html).contains("href=\"/requests/" + ID + "/changes/all\"");
    }

    @Test
    void theFullListIsFilteredAndPagedOnTheServer() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(1, readOnlyAndPassRole()));

        mvc.perform(get("/requests/" + ID + "/permissions/all")
                        .param("q", "PASSROLE")
                        .with(user("bob").roles("REVIEWER"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<code>iam:PassRole</code>")))
                .andExpect(content().string(containsString("1–1 of 1 matching “PASSROLE”")))
                .andExpect(content().string(not(containsString("s3:GetObject"))))
                .andExpect(content().string(not(containsString("<html"))));
        String first = body(htmxAsBob("/requests/" + ID + "/permissions/all"));
        assertThat(first).contains("1–500 of ", "Page 1 of ", "Next →");
        assertThat(first.indexOf("<code>iam:PassRole</code>")).isPositive().isLessThan(first.indexOf("<code>a4b:"));
        mvc.perform(get("/requests/" + ID + "/permissions/all")
                        .param("page", "2147483647")
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("← Previous")))
                .andExpect(content().string(not(containsString("Next →"))));
    }

    @Test
    void aTooLongFilterIsAFieldErrorAndListsNothing() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(1, readOnlyAndPassRole()));

        mvc.perform(get("/requests/" + ID + "/permissions/all")
                        .param("q", "x".repeat(201))
                        .with(user("bob").roles("REVIEWER"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filter with at most 200 characters.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                .andExpect(content().string(not(containsString("<code>iam:PassRole</code>"))));
    }

    @Test
    void whatALaterRevisionNoLongerAllowsHasItsOwnFullList() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(2, spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));
        given(requests.revisionSpec(eq(ID), eq(1), any())).willReturn(Optional.of(readOnlyAndPassRole()));

        mvc.perform(get("/requests/" + ID + "/changes/all")
                        .param("removed", "true")
                        .param("q", "iam:Pass")
                        .with(user("bob").roles("REVIEWER"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Every action no longer allowed")))
                .andExpect(content().string(containsString("<code>iam:PassRole</code>")))
                .andExpect(content().string(containsString("name=\"removed\" value=\"true\"")));
    }

    @Test
    void aPlainLinkOpensTheCardAsAPageWithAWayBack() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(1, spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(get("/requests/" + ID + "/permissions").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("href=\"/requests/" + ID + "\"")))
                .andExpect(content().string(containsString("<h1>What ci-deployer may do</h1>")))
                .andExpect(content().string(containsString("id=\"effective-permissions\"")));
        mvc.perform(get("/requests/" + ID + "/changes").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("id=\"access-changes\"")));
    }

    @Test
    void aRoleWithoutPoliciesSaysItCanDoNothing() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(1, spec(Map.of(), List.of(), null)));

        mvc.perform(get("/requests/" + ID + "/permissions").with(user("alice")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This role has no permissions yet.")));
    }

    @Test
    void theChangesOfALaterRevisionListTheNewAccess() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(
                        2, spec(Map.of("read-logs", RoleSpecs.readLogs(), "write", writeInvoices()), List.of(), null)));
        given(requests.revisionSpec(eq(ID), eq(1), any()))
                .willReturn(Optional.of(spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(htmxAsBob("/requests/" + ID + "/changes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Revision 2 compared with revision 1.")))
                .andExpect(content()
                        .string(containsString(
                                "Newly allowed: 1 action on 1 service — s3:PutObject on arn:aws:s3:::invoices/*.")))
                .andExpect(content().string(containsString("No longer allowed: nothing.")))
                .andExpect(content().string(not(containsString("logs:GetLogEvents"))));
    }

    @Test
    void theFirstRevisionShowsEverythingAsNew() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(1, spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(get("/requests/" + ID + "/changes").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is revision 1: everything below is new.")))
                .andExpect(content().string(containsString("logs:FilterLogEvents")));
        verify(requests, never()).revisionSpec(any(), anyInt(), any());
    }

    @Test
    void someoneElsesRequestIsNotFoundOnEveryRoute() throws Exception {
        given(requests.get(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));

        mvc.perform(get("/requests/" + ID + "/permissions").with(user("frank"))).andExpect(status().isNotFound());
        mvc.perform(get("/requests/" + ID + "/changes").with(user("frank"))).andExpect(status().isNotFound());
        mvc.perform(get("/requests/" + ID + "/permissions/all").with(user("frank")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/requests/" + ID + "/changes/all").with(user("frank"))).andExpect(status().isNotFound());
        mvc.perform(post("/requests/" + ID + "/can-do")
                        .with(user("frank"))
                        .with(csrf())
                        .param("action", "s3:GetObject")
                        .param("resource", "*"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("ALLOWED"))));
    }

    @Test
    void askingWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/requests/" + ID + "/can-do")
                        .with(user("alice"))
                        .param("action", "s3:GetObject")
                        .param("resource", "*"))
                .andExpect(status().isForbidden());
        verify(requests, never()).get(any(), any());
    }

    @Test
    void htmxGetsTheAnswerWithItsDecisiveStatementAsAFragment() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(1, spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(canDo("logs:GetLogEvents", "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"can-do\"")))
                .andExpect(content()
                        .string(containsString("ALLOWED by inline policy read-logs, statement 1 (Sid ReadLogs).")))
                .andExpect(content().string(containsString("<td>ReadLogs</td>")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void aPlainFormPostGetsAPageWithTheAnswerAndAWayBack() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(1, spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(post("/requests/" + ID + "/can-do")
                        .with(user("alice"))
                        .with(csrf())
                        .param("action", "s3:PutObject")
                        .param("resource", "arn:aws:s3:::invoices/a"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("href=\"/requests/" + ID + "\"")))
                .andExpect(content().string(containsString("IMPLICITLY_DENIED: no statement of the role")));
    }

    @Test
    void aMalformedQuestionIsAnsweredWithTheProblemAndKeepsWhatWasTyped() throws Exception {
        given(requests.get(eq(ID), any()))
                .willReturn(view(1, spec(Map.of("read-logs", RoleSpecs.readLogs()), List.of(), null)));

        mvc.perform(canDo("s3:Get*", "*"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Write one action like s3:GetObject")))
                .andExpect(content().string(containsString("value=\"s3:Get*\"")))
                .andExpect(content().string(not(containsString("class=\"answer"))));
    }

    @Test
    void contextLinesDecideConditions() throws Exception {
        JsonNode tls = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""");
        given(requests.get(eq(ID), any())).willReturn(view(1, spec(Map.of("tls", tls), List.of(), null)));

        mvc.perform(canDo("s3:GetObject", "arn:aws:s3:::b/k").param("context", "aws:SecureTransport=true\n"))
                .andExpect(content().string(containsString("ALLOWED by inline policy tls")));
        mvc.perform(canDo("s3:GetObject", "arn:aws:s3:::b/k").param("context", "no equals sign"))
                .andExpect(content().string(containsString("Write one context key per line")));
    }

    @Test
    void theEmptyFormCanBeLoadedAsAFragment() throws Exception {
        given(requests.get(eq(ID), any())).willReturn(view(1, spec(Map.of(), List.of(), null)));

        mvc.perform(get("/requests/" + ID + "/can-do").with(user("alice")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-post=\"/requests/" + ID + "/can-do\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void theAnswerShowsTheKmsKeyPolicyRuleInWordsWithTheAwsDocumentation() throws Exception {
        JsonNode decrypt = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Sid":"UseKey","Effect":"Allow","Action":"kms:Decrypt",
                 "Resource":"*"}]}""");
        given(requests.get(eq(ID), any())).willReturn(view(1, spec(Map.of("use-key", decrypt), List.of(), null)));

        mvc.perform(canDo("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("IMPLICITLY_DENIED: kms:Decrypt on arn:aws:kms:")))
                .andExpect(content().string(containsString("identity policies alone never grant access to a KMS key")))
                .andExpect(content().string(containsString("default key policy, which allows the account (root)")))
                .andExpect(content().string(containsString("it would be allowed by identity policy use-key")))
                .andExpect(content()
                        .string(containsString(
                                "href=\"https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html\"")));
    }

    @Test
    void theRoleAskingForASessionTokenIsToldRolesCannot() throws Exception {
        JsonNode sts = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]}""");
        given(requests.get(eq(ID), any())).willReturn(view(1, spec(Map.of("sts", sts), List.of(), null)));

        mvc.perform(canDo("sts:GetSessionToken", "*"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("IMPLICITLY_DENIED: sts:GetSessionToken accepts only the long-term "
                                + "credentials of an IAM user or the root user: a role session cannot call it")))
                .andExpect(content().string(containsString("Only IAM users and the root user can get session")));
    }

    @Test
    void assumingAnotherRoleNeedsItsTrustPolicy() throws Exception {
        JsonNode assume = RoleSpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",
                 "Resource":"arn:aws:iam::111122223333:role/deployer"}]}""");
        given(requests.get(eq(ID), any())).willReturn(view(1, spec(Map.of("assume", assume), List.of(), null)));

        mvc.perform(canDo("sts:AssumeRole", "arn:aws:iam::111122223333:role/deployer"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("needs the role&#39;s trust policy to allow this principal, even within "
                                + "the same account")))
                .andExpect(content().string(containsString("No trust policy was supplied")))
                .andExpect(content().string(containsString("The identity policies allow it (identity policy assume")));
    }

    /** What htmx asks for bob, a reviewer. */
    private static MockHttpServletRequestBuilder htmxAsBob(String path) {
        return get(path).with(user("bob").roles("REVIEWER")).header("HX-Request", "true");
    }

    /** alice asks through htmx whether the role can do this action on this resource. */
    private static MockHttpServletRequestBuilder canDo(String action, String resource) {
        return post("/requests/" + ID + "/can-do")
                .with(user("alice"))
                .with(csrf())
                .header("HX-Request", "true")
                .param("action", action)
                .param("resource", resource);
    }

    /** The page or fragment of a request that must succeed. */
    private String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
