package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.policy.PolicyFixtures;
import dev.rolecall.policy.analysis.PolicyAnalysis;
import dev.rolecall.policy.analysis.PolicyFinding;
import dev.rolecall.policy.analysis.PolicyLocation;
import dev.rolecall.request.spec.PolicyDocuments;
import dev.rolecall.request.spec.SubmitRoleRequest;
import dev.rolecall.request.web.RoleRequestForm;
import dev.rolecall.request.web.RoleRequestFormMapper;
import org.junit.jupiter.api.Test;

/** Finding locations point at the policy text as the person typed it into the form. */
class RoleAnalysisTests {

    private static final String ONE_LINE = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Pass\", "
            + "\"Effect\": \"Allow\", \"Action\": \"iam:PassRole\", \"Resource\": \"*\"}]}";

    private final RoleAnalysis analysis =
            new RoleAnalysis(PolicyFixtures.policyAnalysisService(), mock(AccountRegistry.class));

    private static RoleRequestForm form() {
        RoleRequestForm form = new RoleRequestForm();
        form.setAccountId(RoleSpecs.ACCOUNT);
        form.setRoleName("svc-typed");
        form.setTrustPolicy(RoleSpecs.lambdaTrust().toString());
        form.getInlinePolicies().get(0).setName("pass");
        form.getInlinePolicies().get(0).setDocument(ONE_LINE);
        form.setJustification("passes roles");
        return form;
    }

    private static PolicyLocation passRole(PolicyAnalysis result) {
        return result.findings().stream()
                .filter(finding -> finding.code().equals("iam-passrole-star"))
                .map(PolicyFinding::location)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aOneLinePolicyIsReportedOnItsOneLineAtTheColumnTyped() {
        SubmitRoleRequest command = RoleRequestFormMapper.toCommand(form()).command();

        PolicyLocation at = passRole(analysis.analyse(command.spec(), command.documentTexts()));

        assertThat(at.line()).isEqualTo(1);
        assertThat(ONE_LINE.substring(at.column() - 1)).startsWith("\"Action\"");
        assertThat(at.statementIndex()).isZero();
    }

    @Test
    void withoutTheTypedTextTheDocumentIsLocatedAsTheRequestPageShowsIt() {
        SubmitRoleRequest command = RoleRequestFormMapper.toCommand(form()).command();
        String shown =
                new PolicyDocuments().pretty(command.spec().inlinePolicies().get("pass"));

        PolicyLocation at = passRole(analysis.analyse(command.spec()));

        assertThat(shown.lines().skip(at.line() - 1).findFirst().orElseThrow().substring(at.column() - 1))
                .startsWith("\"Action\"");
    }
}
