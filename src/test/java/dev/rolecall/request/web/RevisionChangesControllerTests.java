package dev.rolecall.request.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rolecall.identity.SecuritySliceConfiguration;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.request.RevisionView;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleSpecs;
import dev.rolecall.request.problems.RoleRequestNotFoundException;
import dev.rolecall.test.UsesTestDatabase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@UsesTestDatabase
@WebMvcTest(RevisionChangesController.class)
@Import({SecuritySliceConfiguration.class, RolePermissionsService.class, PolicyFixtures.Beans.class})
class RevisionChangesControllerTests {

    static final RoleRequestId ID = RoleRequestControllerTests.ID;
    static final String CHANGES = "/requests/" + ID + "/revisions";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RoleRequestService requests;

    /** Revision 1 as filed, revision 2 narrowed and tagged, revision 3 with a new inline policy. */
    @BeforeEach
    void threeRevisions() {
        RevisionView first =
                RevisionComparisonTests.revision(1, RoleSpecs.valid(), "CI deploys", RevisionComparisonTests.FIRST);
        RevisionView second = RevisionComparisonTests.revision(
                2, RevisionComparisonTests.revised(), "CI deploys <script>x</script>", RevisionComparisonTests.SECOND);
        RevisionView third = RevisionComparisonTests.revision(
                3, RevisionComparisonTests.revised(), "CI deploys <script>x</script>", RevisionComparisonTests.SECOND);
        given(requests.revisions(eq(ID), any())).willReturn(List.of(first, second, third));
    }

    @Test
    void withHtmxTheCardComparesThePreviousRevisionWithTheCurrentOne() throws Exception {
        mvc.perform(get(CHANGES)
                        .param("from", "1")
                        .param("to", "2")
                        .with(user("bob").roles("REVIEWER"))
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"revision-changes\""),
                                containsString("Changes from revision 1 to revision 2"),
                                containsString("hx-get=\"" + CHANGES + "\""),
                                containsString("<dt>Justification</dt>"),
                                containsString("CI deploys &lt;script&gt;x&lt;/script&gt;"),
                                containsString("<dt>Permissions boundary</dt>"),
                                containsString("+ added</span> <code>cost-center=42</code>"),
                                containsString("− removed</span> <code>arn:aws:iam::aws:policy/ReadOnlyAccess</code>"),
                                containsString("Inline policy write-reports (added)"),
                                containsString("class=\"line added\""),
                                containsString("class=\"line removed\""),
                                containsString("+   &quot;Statement&quot;"),
                                containsString("What new access"),
                                containsString("s3:PutObject"))));
    }

    @Test
    void byDefaultItComparesThePreviousRevisionWithTheCurrentOne() throws Exception {
        mvc.perform(get(CHANGES).with(user("bob").roles("REVIEWER")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Changes since revision 2"),
                                containsString("<option value=\"2\" selected=\"selected\">2</option>"),
                                containsString("<option value=\"3\" selected=\"selected\">3</option>"),
                                containsString("Revision 3 started review again"),
                                containsString("These two revisions ask for the same role"))));
    }

    @Test
    void theLatestChangeSendsTheReaderToTheAccessCardInsteadOfListingItTwice() throws Exception {
        given(requests.revisions(eq(ID), any()))
                .willReturn(List.of(
                        RevisionComparisonTests.revision(
                                1, RoleSpecs.valid(), "CI deploys", RevisionComparisonTests.FIRST),
                        RevisionComparisonTests.revision(
                                2, RevisionComparisonTests.revised(), "CI deploys", RevisionComparisonTests.SECOND)));
        mvc.perform(get(CHANGES).with(user("bob").roles("REVIEWER")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("What new access"),
                                containsString("id=\"revision-access-card-link\""),
                                containsString("href=\"#access-changes\""),
                                not(containsString("<table class=\"access-changes")))));
    }

    @Test
    void withoutJavaScriptTheSameUrlIsAPageOfItsOwn() throws Exception {
        mvc.perform(get(CHANGES)
                        .param("from", "1")
                        .param("to", "3")
                        .with(user("carol").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("<html"),
                                containsString("Back to the request"),
                                containsString("Changes from revision 1 to revision 3"),
                                containsString("<button type=\"submit\" id=\"compare-revisions\">Compare</button>"))));
    }

    @Test
    void aRevisionThatDoesNotExistIs400NamingTheOnesThatDo() throws Exception {
        mvc.perform(get(CHANGES)
                        .param("from", "0")
                        .param("to", "9")
                        .with(user("bob").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Pick two revisions between 1 and 3.")));
        mvc.perform(get(CHANGES).param("from", "one").with(user("bob").roles("REVIEWER")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("NumberFormatException"))));
    }

    @Test
    void aRequestWithOneRevisionHasNothingToCompare() throws Exception {
        given(requests.revisions(eq(ID), any()))
                .willReturn(List.of(RevisionComparisonTests.revision(
                        1, RoleSpecs.valid(), "CI deploys", RevisionComparisonTests.FIRST)));
        mvc.perform(get(CHANGES).with(user("alice")).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is nothing to compare yet")))
                .andExpect(content().string(not(containsString("What new access"))));
    }

    @Test
    void someoneElsesRequestIsNotFound() throws Exception {
        given(requests.revisions(eq(ID), any())).willThrow(new RoleRequestNotFoundException(ID));
        mvc.perform(get(CHANGES).with(user("frank")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("not yours to see")));
    }
}
