package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolecall.policy.permissions.AccessAnswer;
import dev.rolecall.policy.permissions.AccessChange;
import dev.rolecall.policy.permissions.AccessDecision;
import dev.rolecall.policy.permissions.AccessDiff;
import dev.rolecall.policy.permissions.AccessLevelPermissions;
import dev.rolecall.policy.permissions.AccessQuestionException;
import dev.rolecall.policy.permissions.AwsRule;
import dev.rolecall.policy.permissions.DecisiveStatement;
import dev.rolecall.policy.permissions.NotAnalysedPolicy;
import dev.rolecall.policy.permissions.PermissionSummary;
import dev.rolecall.policy.permissions.ServicePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolePermissionsServiceTests {

    static final String ACCOUNT = "111122223333";
    static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    static final String S3_READ_ONLY = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";

    private final RolePermissionsService service = PolicyFixtures.rolePermissionsService();

    static RolePolicies role(List<PolicyInput> inline, List<String> managed, String boundary) {
        return new RolePolicies(ACCOUNT, inline, managed, boundary);
    }

    static PolicyInput policy(String name, String statements) {
        return new PolicyInput(name, "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    static final PolicyInput READ_INVOICES = policy("tpl-s3-read-1", """
            {"Sid":"ReadInvoices","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
             "Resource":["arn:aws:s3:::invoices","arn:aws:s3:::invoices/*"]}""");

    @Test
    void readOnlyAccessReadsAndListsManyServicesAndWritesNothing() {
        PermissionSummary summary = service.summarise(role(List.of(), List.of(READ_ONLY), null));

        assertThat(summary.notAnalysed()).isEmpty();
        assertThat(summary.allowedServices()).hasSizeGreaterThan(100);
        assertThat(summary.services())
                .flatExtracting(ServicePermissions::levels)
                .extracting(AccessLevelPermissions::level)
                .contains("List", "Read")
                .doesNotContain("Permissions management", "Tagging");
        assertThat(summary.services())
                .flatExtracting(ServicePermissions::levels)
                .filteredOn(l -> l.level().equals("Write"))
                .flatExtracting(AccessLevelPermissions::actions)
                .as("only read-like calls that the catalog classes as Write (e.g. s3express:CreateSession)")
                .hasSizeLessThanOrEqualTo(5)
                .allMatch(action -> action.matches("[a-z0-9-]+:(Get|List|CreateSession).*"));
        ServicePermissions s3 = summary.services().stream()
                .filter(s -> s.prefix().equals("s3"))
                .findFirst()
                .orElseThrow();
        assertThat(s3.name()).containsIgnoringCase("S3");
        AccessLevelPermissions read = s3.levels().stream()
                .filter(l -> l.level().equals("Read"))
                .findFirst()
                .orElseThrow();
        assertThat(read.actions()).contains("s3:GetObject");
        assertThat(read.resources()).containsExactly("*");
        assertThat(read.conditional()).isFalse();
        assertThat(summary.removedByBoundary()).isZero();
    }

    @Test
    void aServiceWildcardIsFullAndASingleActionIsLimited() {
        PermissionSummary summary = service.summarise(role(
                List.of(
                        policy("logs-all", "{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}"),
                        READ_INVOICES),
                List.of(),
                null));

        ServicePermissions logs = summary.services().stream()
                .filter(s -> s.prefix().equals("logs"))
                .findFirst()
                .orElseThrow();
        assertThat(logs.levels()).extracting(AccessLevelPermissions::extent).containsOnly("Full");
        assertThat(logs.levels()).extracting(AccessLevelPermissions::level).contains("Write", "Read", "List");
        ServicePermissions s3 = summary.services().stream()
                .filter(s -> s.prefix().equals("s3"))
                .findFirst()
                .orElseThrow();
        assertThat(s3.levels()).extracting(AccessLevelPermissions::level).containsExactly("List", "Read");
        AccessLevelPermissions read = s3.levels().get(1);
        assertThat(read.full()).isFalse();
        assertThat(read.extent()).startsWith("Limited: 1 of ");
        assertThat(read.resources()).containsExactly("arn:aws:s3:::invoices", "arn:aws:s3:::invoices/*");
    }

    @Test
    void notActionIsExpandedAgainstTheCatalogAndUnconditionalDeniesAreRemoved() {
        PermissionSummary summary = service.summarise(role(List.of(policy("power", """
                {"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"},
                {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}""")), List.of(), null));

        assertThat(summary.services())
                .extracting(ServicePermissions::prefix)
                .contains("ec2", "s3")
                .doesNotContain("iam", "organizations");
        assertThat(summary.services())
                .flatExtracting(ServicePermissions::levels)
                .flatExtracting(AccessLevelPermissions::actions)
                .contains("s3:PutObject")
                .doesNotContain("s3:DeleteBucket");
    }

    @Test
    void aBoundaryRemovesWhatItDoesNotAllow() {
        PolicyInput s3All = policy("s3-all", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        PermissionSummary without = service.summarise(role(List.of(s3All), List.of(), null));
        PermissionSummary within = service.summarise(role(List.of(s3All), List.of(), S3_READ_ONLY));

        assertThat(within.boundaryAnalysed()).isTrue();
        assertThat(within.removedByBoundary()).isPositive();
        assertThat(within.allowedActions() + within.removedByBoundary()).isEqualTo(without.allowedActions());
        ServicePermissions s3 = within.services().stream()
                .filter(s -> s.prefix().equals("s3"))
                .findFirst()
                .orElseThrow();
        assertThat(s3.removedByBoundary()).isEqualTo(within.removedByBoundary());
        assertThat(s3.levels())
                .flatExtracting(AccessLevelPermissions::actions)
                .contains("s3:GetObject")
                .doesNotContain("s3:PutObject", "s3:DeleteObject");
    }

    @Test
    void customerManagedPoliciesAndBoundariesAreReportedAsNotAnalysed() {
        String customer = "arn:aws:iam::111122223333:policy/team-boundary";
        PermissionSummary summary = service.summarise(role(
                List.of(READ_INVOICES),
                List.of("arn:aws:iam::111122223333:policy/custom", "arn:aws:iam::aws:policy/NoSuchPolicyEver"),
                customer));

        assertThat(summary.notAnalysed())
                .extracting(NotAnalysedPolicy::reference)
                .containsExactly(
                        "arn:aws:iam::111122223333:policy/custom",
                        "arn:aws:iam::aws:policy/NoSuchPolicyEver",
                        customer);
        assertThat(summary.notAnalysed().get(0).reason()).contains("customer managed");
        assertThat(summary.boundaryAnalysed()).isFalse();
        assertThat(summary.allowedActions()).isEqualTo(2);
    }

    @Test
    void anInlinePolicyWithGrammarProblemsIsNotAnalysed() {
        PermissionSummary summary =
                service.summarise(role(List.of(new PolicyInput("broken", "{\"Statement\":")), List.of(), null));

        assertThat(summary.isEmpty()).isTrue();
        assertThat(summary.notAnalysed())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("grammar problem"));
    }

    @Test
    void addingPutObjectShowsItAsNewlyAllowed() {
        PolicyInput write = policy("tpl-s3-write", """
                {"Effect":"Allow","Action":["s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::invoices/*"},
                {"Effect":"Allow","Action":"logs:CreateLogGroup","Resource":"*"}""");

        AccessDiff diff = service.diff(
                role(List.of(READ_INVOICES), List.of(), null), role(List.of(READ_INVOICES, write), List.of(), null));

        assertThat(diff.newlyAllowed())
                .extracting(AccessChange::action)
                .containsExactly("logs:CreateLogGroup", "s3:DeleteObject", "s3:PutObject");
        assertThat(diff.newlyAllowed())
                .filteredOn(c -> c.action().equals("s3:PutObject"))
                .singleElement()
                .satisfies(c -> assertThat(c.resources()).containsExactly("arn:aws:s3:::invoices/*"));
        assertThat(diff.noLongerAllowed()).isEmpty();
        assertThat(diff.summary())
                .startsWith("Newly allowed: 3 actions on 2 services — logs:CreateLogGroup on *; "
                        + "s3:DeleteObject, s3:PutObject on arn:aws:s3:::invoices/*.")
                .contains("No longer allowed: nothing.")
                .contains("Boundary: unchanged.");
    }

    @Test
    void wideningAResourceIsNewAndTheNarrowPatternIsNotReportedAsLost() {
        PolicyInput narrow = policy(
                "p",
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"," + "\"Resource\":\"arn:aws:s3:::invoices/*\"}");
        PolicyInput wide = policy("p", "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");

        AccessDiff widened = service.diff(role(List.of(narrow), List.of(), null), role(List.of(wide), List.of(), null));
        AccessDiff narrowed =
                service.diff(role(List.of(wide), List.of(), null), role(List.of(narrow), List.of(), null));

        assertThat(widened.newlyAllowed()).containsExactly(new AccessChange("s3:GetObject", List.of("*")));
        assertThat(widened.noLongerAllowed()).isEmpty();
        assertThat(narrowed.newlyAllowed()).isEmpty();
        assertThat(narrowed.noLongerAllowed()).containsExactly(new AccessChange("s3:GetObject", List.of("*")));
    }

    @Test
    void addingABoundaryShowsWhatIsNoLongerAllowed() {
        PolicyInput s3All = policy("s3-all", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");

        AccessDiff diff =
                service.diff(role(List.of(s3All), List.of(), null), role(List.of(s3All), List.of(), S3_READ_ONLY));

        assertThat(diff.newlyAllowed()).isEmpty();
        assertThat(diff.noLongerAllowed())
                .extracting(AccessChange::action)
                .contains("s3:PutObject")
                .doesNotContain("s3:GetObject");
        assertThat(diff.boundaryChanged()).isTrue();
        assertThat(diff.summary()).contains("Boundary: none → " + S3_READ_ONLY + ".");
    }

    @Test
    void anAllowNamesTheDecisiveStatementsOfPolicyAndBoundary() {
        AccessAnswer answer = service.canDo(
                role(List.of(READ_INVOICES), List.of(), S3_READ_ONLY),
                "s3:GetObject",
                "arn:aws:s3:::invoices/2026/a.pdf",
                Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.ALLOWED);
        assertThat(answer.decisiveStatements())
                .extracting(
                        DecisiveStatement::layer,
                        DecisiveStatement::policy,
                        DecisiveStatement::statementIndex,
                        DecisiveStatement::sid)
                .contains(org.assertj.core.groups.Tuple.tuple(PolicyKind.IDENTITY, "tpl-s3-read-1", 0, "ReadInvoices"));
        assertThat(answer.decisiveStatements())
                .extracting(DecisiveStatement::layer)
                .contains(PolicyKind.BOUNDARY);
        assertThat(answer.explanation())
                .startsWith("ALLOWED by inline policy tpl-s3-read-1, statement 1 (Sid ReadInvoices); not blocked by "
                        + "permissions boundary AmazonS3ReadOnlyAccess, statement 1");
    }

    @Test
    void anExplicitDenyDecidesAndIsNamed() {
        RolePolicies role = role(List.of(READ_INVOICES, policy("guard", """
                {"Sid":"NoSecrets","Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::invoices/secret/*"}""")), List.of(READ_ONLY), null);

        AccessAnswer answer = service.canDo(role, "s3:GetObject", "arn:aws:s3:::invoices/secret/x", Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.EXPLICITLY_DENIED);
        assertThat(answer.decisiveStatements())
                .singleElement()
                .satisfies(s -> assertThat(s.sid()).isEqualTo("NoSecrets"));
        assertThat(answer.explanation())
                .isEqualTo("EXPLICITLY_DENIED by inline policy guard, statement 1 "
                        + "(Sid NoSecrets): an explicit deny overrides every allow.");
    }

    @Test
    void aBoundaryThatDoesNotAllowIsNamedInTheImplicitDenial() {
        RolePolicies role = role(
                List.of(policy("w", "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\"," + "\"Resource\":\"*\"}")),
                List.of(),
                S3_READ_ONLY);

        AccessAnswer denied = service.canDo(role, "s3:PutObject", "arn:aws:s3:::b/k", Map.of());
        AccessAnswer nothing = service.canDo(role, "ec2:RunInstances", "*", Map.of());

        assertThat(denied.decision()).isEqualTo(AccessDecision.IMPLICITLY_DENIED);
        assertThat(denied.explanation())
                .isEqualTo("IMPLICITLY_DENIED: inline policy w, statement 1 allows it, "
                        + "but the permissions boundary AmazonS3ReadOnlyAccess does not.");
        assertThat(nothing.explanation())
                .startsWith("IMPLICITLY_DENIED: no statement of the role's policies allows " + "ec2:RunInstances on *");
    }

    @Test
    void conditionsAreDecidedWithTheGivenContext() {
        RolePolicies role = role(List.of(policy("tls", """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"Bool":{"aws:SecureTransport":"true"}}}""")), List.of(), null);

        assertThat(service.canDo(
                                role,
                                "s3:GetObject",
                                "arn:aws:s3:::b/k",
                                Map.of("aws:SecureTransport", List.of("true")))
                        .allowed())
                .isTrue();
        assertThat(service.canDo(role, "s3:GetObject", "arn:aws:s3:::b/k", Map.of())
                        .allowed())
                .isFalse();
    }

    @Test
    void customerManagedPoliciesAreMentionedInTheAnswer() {
        AccessAnswer answer = service.canDo(
                role(List.of(), List.of("arn:aws:iam::111122223333:policy/custom"), null),
                "s3:GetObject",
                "*",
                Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.IMPLICITLY_DENIED);
        assertThat(answer.notAnalysed()).hasSize(1);
        assertThat(answer.explanation()).endsWith("1 policy was not analysed and could change the answer.");
    }

    @Test
    void malformedQuestionsAreRefusedClearly() {
        RolePolicies role = role(List.of(READ_INVOICES), List.of(), null);

        assertThatThrownBy(() -> service.canDo(role, "s3:Get*", "*", Map.of()))
                .isInstanceOfSatisfying(AccessQuestionException.class, e -> {
                    assertThat(e.field()).isEqualTo("action");
                    assertThat(e.getMessage()).contains("s3:GetObject");
                });
        assertThatThrownBy(() -> service.canDo(role, "GetObject", "*", Map.of()))
                .isInstanceOf(AccessQuestionException.class);
        assertThatThrownBy(() -> service.canDo(role, "s3:GetObject", "arn:aws:s3:bucket", Map.of()))
                .isInstanceOfSatisfying(
                        AccessQuestionException.class,
                        e -> assertThat(e.field()).isEqualTo("resource"));
        assertThat(service.canDo(role, " s3:GetObject ", "  ", Map.of()).resource())
                .isEqualTo("*");
    }

    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/app";

    static RolePolicies roleNamed(List<PolicyInput> inline) {
        return new RolePolicies(ACCOUNT, inline, List.of(), null, ROLE_ARN);
    }

    @Test
    void theRoleIsTheCallerSoItsOwnArnDecidesConditions() {
        RolePolicies role = roleNamed(List.of(policy("own", """
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/app"}}}""")));

        assertThat(service.canDo(role, "s3:GetObject", "arn:aws:s3:::b/k", Map.of())
                        .allowed())
                .isTrue();
    }

    @Test
    void callerIdentityIsAllowedEvenUnderAnExplicitDenyAndSaysWhy() {
        RolePolicies role = roleNamed(List.of(policy("deny-all", """
                {"Sid":"DenyAll","Effect":"Deny","Action":"*","Resource":"*"}""")));

        AccessAnswer answer = service.canDo(role, "sts:GetCallerIdentity", "*", Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.ALLOWED);
        assertThat(answer.rule()).isEqualTo(AwsRule.CALLER_IDENTITY_ALWAYS_ALLOWED);
        assertThat(answer.explanation())
                .startsWith("ALLOWED: sts:GetCallerIdentity is always allowed")
                .contains("The explicit deny in identity policy deny-all, statement 1 (Sid DenyAll) does not apply");
    }

    @Test
    void aRoleCannotGetAFederationTokenWhateverItsPoliciesAllow() {
        RolePolicies role = roleNamed(List.of(policy("all", """
                {"Effect":"Allow","Action":"*","Resource":"*"}""")));

        AccessAnswer answer = service.canDo(role, "sts:GetFederationToken", "*", Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.IMPLICITLY_DENIED);
        assertThat(answer.rule()).isEqualTo(AwsRule.LONG_TERM_CREDENTIALS_ONLY);
        assertThat(answer.explanation()).contains("a role session cannot call it");
    }

    @Test
    void aKmsKeyWithoutKeyPolicyIsDeniedAndTheDefaultKeyPolicyIsExplained() {
        RolePolicies role = roleNamed(List.of(policy("kms", """
                {"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}""")));

        AccessAnswer answer = service.canDo(
                role,
                "kms:Decrypt",
                "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                Map.of());
        AccessAnswer listKeys = service.canDo(role, "kms:ListKeys", "*", Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.IMPLICITLY_DENIED);
        assertThat(answer.rule()).isEqualTo(AwsRule.KMS_KEY_POLICY);
        assertThat(answer.explanation())
                .contains("identity policies alone never grant access to a KMS key")
                .contains("With AWS's default key policy, which allows the account (root) and so enables IAM "
                        + "policies, it would be allowed by identity policy kms, statement 1.");
        assertThat(listKeys.decision()).isEqualTo(AccessDecision.IMPLICITLY_DENIED);
        assertThat(listKeys.rule()).isNull();
    }

    @Test
    void aResourceInAnotherAccountNeedsItsOwnPolicyAndTheAnswerSaysSo() {
        RolePolicies role = roleNamed(List.of(policy("send", """
                {"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}""")));

        AccessAnswer answer =
                service.canDo(role, "sqs:SendMessage", "arn:aws:sqs:eu-west-1:444455556666:jobs", Map.of());

        assertThat(answer.decision()).isEqualTo(AccessDecision.IMPLICITLY_DENIED);
        assertThat(answer.explanation())
                .startsWith("IMPLICITLY_DENIED: The resource belongs to account 444455556666, not the caller's "
                        + "account 111122223333")
                .contains("The caller's own policies allow it (identity policy send, statement 1).");
    }
}
