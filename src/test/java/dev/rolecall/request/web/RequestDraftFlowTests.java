package dev.rolecall.request.web;

import static dev.rolecall.test.TestUsers.ALICE;
import static dev.rolecall.test.TestUsers.BOB;
import static dev.rolecall.test.TestUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.CurrentUser;
import dev.rolecall.identity.Role;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.draft.RequestDraft;
import dev.rolecall.request.draft.RequestDraftService;
import dev.rolecall.request.problems.RequestDraftNotFoundException;
import dev.rolecall.test.PassRoleRequests;
import dev.rolecall.test.RolecallIntegrationTest;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Drafts through the whole stack (security, the controllers, the services, PostgreSQL): a draft
 * keeps what was typed however wrong, only its author reads, changes, files or deletes it (404 for
 * everyone else, admins included), filing validates it all and removes it only once the request is
 * filed, and a copy of a request is a new draft of whoever copied it, of requests they may read only.
 */
@RolecallIntegrationTest
@AutoConfigureMockMvc
class RequestDraftFlowTests {

    private static final String UUID_PATH = "[0-9a-f-]{36}";

    @Autowired
    MockMvc mvc;

    @Autowired
    RequestDraftService drafts;

    @Autowired
    RoleRequestService requests;

    @Autowired
    DataSource dataSource;

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The form as a browser posts it: a Lambda role that reads logs, in the demo account. */
    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder post, String roleName) {
        return form(post, roleName, "3600", "Reads the payments logs (PAY-5)");
    }

    private static MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder post, String roleName, String session, String justification) {
        return post.with(csrf())
                .param("kind", "CREATE")
                .param("accountId", RoleSpecs.ACCOUNT)
                .param("roleName", roleName)
                .param("path", "/")
                .param("trustPolicy", RoleSpecs.lambdaTrust().toString())
                .param("inlinePolicies[0].name", "read-logs")
                .param("inlinePolicies[0].document", RoleSpecs.readLogs().toString())
                .param("maxSessionDurationSeconds", session)
                .param("justification", justification);
    }

    /** Saves the posted form as a new draft of {@code author} and returns the draft's id. */
    private UUID save(String author, MockHttpServletRequestBuilder post) throws Exception {
        String location = mvc.perform(post.with(user(author)).param("saveDraft", "1"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/requests/drafts/" + UUID_PATH);
        return UUID.fromString(location.substring("/requests/drafts/".length()));
    }

    private long requestsNamed(String roleName) {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM role_request WHERE role_name = ?")
                .param(roleName)
                .query(Long.class)
                .single();
    }

    @Test
    void anIncompleteAndInvalidFormIsKeptAsTypedAndNothingIsFiled() throws Exception {
        UUID id = save(
                "alice",
                post("/requests")
                        .with(csrf())
                        .param("roleName", "not a valid name!")
                        .param("trustPolicy", "{\"Statement\": [")
                        .param("justification", ""));

        mvc.perform(get("/requests/drafts/" + id).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"not a valid name!\""),
                                containsString("{&quot;Statement&quot;: ["),
                                containsString("id=\"delete-draft\""),
                                containsString("formaction=\"/requests/drafts/" + id + "/submit\""))))
                .andExpect(content().string(not(containsString("error-summary"))));
        assertThat(requestsNamed("not a valid name!")).isZero();
        RequestDraft draft = drafts.get(id, ALICE);
        assertThat(draft.roleName()).isEqualTo("not a valid name!");
        assertThat(draft.accountId()).isEmpty();
    }

    @Test
    void aDraftIsPrivateToItsAuthorEvenFromAdminsAndReviewers() throws Exception {
        String name = unique("private-draft");
        UUID id = save("alice", form(post("/requests"), name));

        for (var other : new String[] {"frank", "bob", "dave", "carol"}) {
            mvc.perform(get("/requests/drafts/" + id).with(user(other).roles("REVIEWER", "ADMIN", "AUDITOR")))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(not(containsString(name))));
        }
        mvc.perform(form(post("/requests"), "taken-over")
                        .with(user("frank"))
                        .param("saveDraft", "1")
                        .param("draft", id.toString()))
                .andExpect(status().isNotFound());
        mvc.perform(form(post("/requests/drafts/" + id + "/submit"), name).with(user("frank")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/requests/drafts/" + id + "/delete").with(csrf()).with(user("frank")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/requests/drafts").with(user("frank")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));

        assertThat(drafts.get(id, ALICE).roleName()).isEqualTo(name);
        assertThat(requestsNamed(name)).isZero();
        mvc.perform(get("/requests/drafts").with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
    }

    @Test
    void submittingADraftWithErrorsShowsThemOnTheFormAndKeepsTheDraft() throws Exception {
        String name = unique("draft-with-errors");
        UUID id = save("alice", form(post("/requests"), name, "99", ""));

        mvc.perform(form(post("/requests/drafts/" + id + "/submit"), name, "99", "")
                        .with(user("alice"))
                        .param("draft", id.toString()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "maxSessionDurationSeconds", "justification"))
                .andExpect(content()
                        .string(allOf(
                                containsString("problem(s) before submitting"),
                                containsString("name=\"draft\" value=\"" + id + "\""),
                                containsString("formaction=\"/requests/drafts/" + id + "/submit\""))));

        assertThat(requestsNamed(name)).isZero();
        RoleRequestForm kept = DraftForms.form(drafts.get(id, ALICE));
        assertThat(kept.getMaxSessionDurationSeconds()).isEqualTo("99");
        assertThat(kept.getJustification()).isEmpty();
    }

    @Test
    void submittingAValidDraftFilesTheRequestAndRemovesTheDraft() throws Exception {
        String name = unique("draft-filed");
        UUID id = save("alice", form(post("/requests"), name));

        String location = mvc.perform(form(post("/requests/drafts/" + id + "/submit"), name)
                        .with(user("alice"))
                        .param("draft", id.toString()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location).matches("/requests/" + UUID_PATH);
        RoleRequestView filed = requests.get(RoleRequestId.parse(location.substring("/requests/".length())), ALICE);
        assertThat(filed.spec().roleName()).isEqualTo(name);
        assertThat(filed.requester()).isEqualTo("alice");
        assertThat(filed.status()).isEqualTo(RoleRequestStatus.IN_REVIEW);
        assertThatThrownBy(() -> drafts.get(id, ALICE)).isInstanceOf(RequestDraftNotFoundException.class);
    }

    @Test
    void aPersonWithTheMostDraftsIsToldSoOnTheFormAndNothingIsSaved() throws Exception {
        CurrentUser crowded = new CurrentUser(unique("crowded"), null, Set.of(Role.REQUESTER));
        for (int i = 0; i < RequestDraftService.MAX_DRAFTS; i++) {
            drafts.save(null, DraftForms.content(new RoleRequestForm()), crowded);
        }

        mvc.perform(form(post("/requests"), unique("one-too-many"))
                        .with(user(crowded.username()))
                        .param("saveDraft", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(allOf(
                                containsString("You already have 200 drafts"),
                                containsString("value=\"one-too-many"))));

        assertThat(drafts.list(crowded, null, null, 1).count()).isEqualTo(RequestDraftService.MAX_DRAFTS);
    }

    @Test
    void theAuthorDeletesADraft() throws Exception {
        UUID id = save("alice", form(post("/requests"), unique("draft-deleted")));

        mvc.perform(post("/requests/drafts/" + id + "/delete").with(csrf()).with(user("alice")))
                .andExpect(status().is3xxRedirection());

        assertThatThrownBy(() -> drafts.get(id, ALICE)).isInstanceOf(RequestDraftNotFoundException.class);
        mvc.perform(get("/requests/drafts/" + id).with(user("alice"))).andExpect(status().isNotFound());
    }

    @Test
    void aReviewerCopiesSomeoneElsesRequestIntoADraftOfTheirOwn() throws Exception {
        String name = unique("copied");
        RoleRequestView source = PassRoleRequests.file(requests, name);

        String location = mvc.perform(post("/requests/" + source.id() + "/copy")
                        .with(csrf())
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(location).matches("/requests/drafts/" + UUID_PATH);
        UUID id = UUID.fromString(location.substring("/requests/drafts/".length()));
        RequestDraft copy = drafts.get(id, BOB);
        assertThat(copy.roleName()).isEqualTo(name + "-copy");
        assertThat(copy.accountId()).isEqualTo(source.spec().accountId());
        RoleRequestForm form = DraftForms.form(copy);
        assertThat(form.getJustification()).isEmpty();
        assertThat(form.isChange()).isFalse();
        assertThat(form.getInlinePolicies())
                .extracting(RoleRequestForm.InlinePolicy::getName)
                .containsExactly("pass-roles");
        assertThatThrownBy(() -> drafts.get(id, ALICE)).isInstanceOf(RequestDraftNotFoundException.class);
    }

    @Test
    void aRequestThePersonMayNotReadCannotBeCopied() throws Exception {
        RoleRequestView alices = PassRoleRequests.file(requests, unique("not-franks"));
        long before = drafts.list(FRANK, null, null, 1).count();

        mvc.perform(post("/requests/" + alices.id() + "/copy").with(csrf()).with(user("frank")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/requests/" + UUID.randomUUID() + "/copy")
                        .with(csrf())
                        .with(user("frank")))
                .andExpect(status().isNotFound());

        assertThat(drafts.list(FRANK, null, null, 1).count()).isEqualTo(before);
    }

    @Test
    void theRequestPageOffersCopyAndAJumpToTheDecision() throws Exception {
        RoleRequestView source = PassRoleRequests.file(requests, unique("page-tools"));

        mvc.perform(get("/requests/" + source.id()).with(user("bob").roles("REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"copy-request\""),
                                containsString("href=\"#review\">Go to decision</a>"))));
        mvc.perform(get("/requests/" + source.id()).with(user("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"#next-step\">Go to what happens next</a>")));
    }
}
