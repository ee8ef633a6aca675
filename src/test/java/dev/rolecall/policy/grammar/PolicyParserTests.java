package dev.rolecall.policy.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyKind;
import dev.rolecall.policy.PolicyProblem;
import dev.rolecall.policy.model.ConditionOperator;
import dev.rolecall.policy.model.Effect;
import dev.rolecall.policy.model.PolicyDocument;
import dev.rolecall.policy.model.PrincipalType;
import dev.rolecall.policy.model.SetOperator;
import dev.rolecall.policy.model.SourcePosition;
import dev.rolecall.policy.model.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class PolicyParserTests {

    private final PolicyParser parser = new PolicyParser();

    private ParseResult identity(String json) {
        return parser.parse(PolicyKind.IDENTITY, "read-logs", json);
    }

    private static String statement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + body + "]}";
    }

    private static PolicyProblem only(ParseResult result) {
        assertThat(result.problems()).hasSize(1);
        assertThat(result.document()).isNull();
        return result.problems().get(0);
    }

    @Test
    void readsAnIdentityPolicyWithEveryElement() {
        ParseResult result = identity("""
                {
                  "Version": "2012-10-17",
                  "Id": "logs",
                  "Statement": [
                    {
                      "Sid": "ReadLogs",
                      "Effect": "Allow",
                      "Action": ["logs:Get*", "logs:DescribeLogGroups"],
                      "Resource": "arn:aws:logs:*:111122223333:log-group:/app/*",
                      "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:PrincipalTag/team": ["a*", 7, true]}}
                    },
                    {"Effect": "Deny", "NotAction": "logs:Get*", "NotResource": ["*"]}
                  ]
                }
                """);

        assertThat(result.problems()).isEmpty();
        PolicyDocument document = result.validDocument();
        assertThat(document.version()).isEqualTo("2012-10-17");
        assertThat(document.id()).isEqualTo("logs");
        assertThat(document.supportsVariables()).isTrue();
        Statement first = document.statements().get(0);
        assertThat(first.sid()).isEqualTo("ReadLogs");
        assertThat(first.effect()).isEqualTo(Effect.ALLOW);
        assertThat(first.action().patterns())
                .extracting(p -> p.text())
                .containsExactly("logs:Get*", "logs:DescribeLogGroups");
        assertThat(first.action().patterns().get(0).at()).isEqualTo(new SourcePosition(8, 18));
        assertThat(first.resource().patterns().get(0).text()).isEqualTo("arn:aws:logs:*:111122223333:log-group:/app/*");
        assertThat(first.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.operator()).isEqualTo(ConditionOperator.STRING_LIKE);
            assertThat(condition.set()).isEqualTo(SetOperator.FOR_ANY_VALUE);
            assertThat(condition.ifExists()).isTrue();
            assertThat(condition.key()).isEqualTo("aws:PrincipalTag/team");
            assertThat(condition.values()).containsExactly("a*", "7", "true");
        });
        Statement second = document.statements().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.action().negated()).isTrue();
        assertThat(second.resource().negated()).isTrue();
        assertThat(document.size()).isEqualTo(result.size()).isBetween(300, 400);
    }

    @Test
    void acceptsAStatementObjectAndAMissingVersion() {
        ParseResult result = identity("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");

        assertThat(result.problems()).isEmpty();
        assertThat(result.validDocument().version()).isNull();
        assertThat(result.validDocument().supportsVariables()).isFalse();
    }

    @Test
    void locatesAProblemByLineColumnStatementSidAndElement() {
        ParseResult result = identity("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                    {
                      "Sid": "ReadLogs",
                      "Effect": "Allow",
                      "Action": "logsGetLogEvents",
                      "Resource": "*"
                    }
                  ]
                }
                """);

        PolicyProblem problem = only(result);
        assertThat(problem.location()).isEqualTo("Ln 8, Col 17 · statement 2 (Sid ReadLogs) · Action");
        assertThat(problem.at().policy()).isEqualTo("read-logs");
        assertThat(problem.at().statementIndex()).isEqualTo(1);
        assertThat(problem.message()).contains("\"logsGetLogEvents\" is not an action");
        assertThat(problem.toString()).startsWith("read-logs · Ln 8, Col 17");
    }

    @Test
    void rejectsABadVersion() {
        PolicyProblem problem = only(identity("{\"Version\":\"2012-10-18\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}}"));

        assertThat(problem.at().element()).isEqualTo("Version");
        assertThat(problem.message()).contains("\"2012-10-17\"").contains("not \"2012-10-18\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"Action":"*","Resource":"*"}                                   | Effect  | needs an Effect
            {"Effect":"allow","Action":"*","Resource":"*"}                  | Effect  | "Allow" or "Deny"
            {"Effect":"Allow","Resource":"*"}                               | Action  | needs an Action
            {"Effect":"Allow","Action":"*"}                                 | Resource | needs a Resource
            {"Effect":"Allow","Action":[],"Resource":"*"}                   | Action  | empty array
            {"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"} | NotAction | not both
            {"Effect":"Allow","Action":"s3*:Get","Resource":"*"}            | Action  | wildcard in the service prefix
            {"Effect":"Allow","Action":"*:GetObject","Resource":"*"}        | Action  | wildcard in the service prefix
            {"Effect":"Allow","Action":"s3:Get Object","Resource":"*"}      | Action  | invalid action name
            {"Effect":"Allow","Action":"s3:","Resource":"*"}                | Action  | invalid action name
            {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3"}         | Resource | 3 of the 6 parts
            {"Effect":"Allow","Action":"*","Resource":"my-bucket"}          | Resource | is not an ARN
            {"Effect":"Allow","Action":"*","Resource":"arn:AWS:s3:::b"}     | Resource | invalid partition
            {"Effect":"Allow","Action":"*","Resource":7}                    | Resource | not a number
            {"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}  | Principal | not allowed in an identity policy
            {"Effect":"Allow","Action":"*","Resource":"*","effect":"Deny"}  | effect  | did you mean Effect
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}   | Condition | must be an object
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}} | Condition.StringEqualz | not a condition operator
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a:b":[]}}} | Condition.StringEquals.a:b | empty array
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a:b":null}}} | Condition.StringEquals.a:b | must not be null
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a:b":{"c":"d"}}}} | Condition.StringEquals.a:b | not an object
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"a:b":"true"}}} | Condition.NullIfExists | Null takes no IfExists
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"a:b":"yes"}}} | Condition.Null.a:b | "true" (the key is absent)
            {"Sid":"Read-Logs","Effect":"Allow","Action":"*","Resource":"*"} | Sid     | only letters and digits
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2026-13-01"}}} | Condition.DateLessThan.aws:CurrentTime | Data type mismatch: the text "2026-13-01" does not match the expected data type Date
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"tomorrow"}}} | Condition.DateGreaterThan.aws:CurrentTime | expected data type Date
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}} | Condition.IpAddress.aws:SourceIp | expected data type IpAddress
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","300.1.2.3"]}}} | Condition.NotIpAddress.aws:SourceIp | "300.1.2.3" does not match
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"an hour"}}} | Condition.NumericLessThan.aws:MultiFactorAuthAge | expected data type Numeric
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"my-function"}}} | Condition.ArnLike.aws:SourceArn | expected data type ARN
            {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333"}}} | Condition.ArnEquals.aws:PrincipalArn | expected data type ARN
            """)
    void rejectsWhatIamRejectsInAStatement(String body, String element, String message) {
        PolicyProblem problem = only(identity(statement(body)));

        assertThat(problem.at().element()).isEqualTo(element);
        assertThat(problem.at().statementIndex()).isZero();
        assertThat(problem.message()).contains(message);
    }

    @Test
    void rejectsDuplicateSids() {
        PolicyProblem problem = only(identity(statement("{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"},{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}")));

        assertThat(problem.at().statementIndex()).isEqualTo(1);
        assertThat(problem.message()).contains("already used by statement 1");
    }

    @Test
    void rejectsDuplicateJsonKeys() {
        PolicyProblem problem = only(identity("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}"));

        assertThat(problem.at().element()).isEqualTo("Effect");
        assertThat(problem.message()).contains("appears twice");
    }

    @Test
    void rejectsUnknownTopLevelElementsAndAMissingStatement() {
        List<PolicyProblem> problems =
                identity("{\"Version\":\"2012-10-17\",\"Statements\":[]}").problems();

        assertThat(problems).extracting(p -> p.at().element()).containsExactly("Statements", "Statement");
    }

    @Test
    void readsATrustPolicyAndRejectsAResource() {
        ParseResult ok = parser.parse(PolicyKind.TRUST, "trustPolicy", statement("""
                {"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com",
                 "AWS":["111122223333","arn:aws:iam::444455556666:role/ci"],
                 "Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
                 "Action":["sts:AssumeRole","sts:AssumeRoleWithWebIdentity"]}
                """));
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.validDocument().statements().get(0).principal().valuesOf(PrincipalType.AWS))
                .hasSize(2);

        PolicyProblem problem = only(
                parser.parse(
                        PolicyKind.TRUST,
                        "trustPolicy",
                        statement(
                                "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}")));
        assertThat(problem.at().element()).isEqualTo("Resource");
        assertThat(problem.message()).contains("not allowed in a trust policy");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"AWS":"arn:aws:iam::111122223333:role/*"}    | wildcard
            {"AWS":"1111"}                                 | not an AWS principal
            {"Service":"Lambda"}                          | not a service principal
            {"Federated":"github"}                         | not a federated principal
            {"CanonicalUser":"abc"}                        | not a canonical user ID
            {"Group":"x"}                                  | not a principal type
            {}                                             | at least one principal
            """)
    void rejectsMalformedPrincipals(String principal, String message) {
        ParseResult result = parser.parse(
                PolicyKind.TRUST,
                "trustPolicy",
                statement("{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"sts:AssumeRole\"}"));

        assertThat(only(result).message()).contains(message);
    }

    @Test
    void requiresAPrincipalInTrustAndResourcePolicies() {
        for (PolicyKind kind : List.of(PolicyKind.TRUST, PolicyKind.RESOURCE)) {
            PolicyProblem problem = only(parser.parse(
                    kind,
                    "p",
                    statement("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}"
                            .replace(kind == PolicyKind.TRUST ? ",\"Resource\":\"*\"" : "@", ""))));
            assertThat(problem.message()).contains("needs a Principal");
        }
    }

    @Test
    void acceptsResourcePoliciesWithoutResourceAndWithFreeFormSids() {
        ParseResult result = parser.parse(
                PolicyKind.RESOURCE,
                "ecr",
                statement("{\"Sid\":\"pull from ci\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"444455556666\"},"
                        + "\"Action\":\"ecr:BatchGetImage\"}"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.validDocument().statements().get(0).resource()).isNull();
    }

    @Test
    void acceptsAnArnWithAnEmptyResourcePartAsIamDoes() {
        assertThat(identity(statement("{\"Effect\":\"Allow\",\"Action\":\"organizations:Describe*\","
                                + "\"Resource\":\"arn:aws:organizations::*:\"}"))
                        .problems())
                .isEmpty();
    }

    @Test
    void acceptsVariablesInResourceArns() {
        ParseResult result = identity(statement("{\"Effect\":\"Allow\",\"Action\":\"iam:GetRole\","
                + "\"Resource\":\"arn:aws:iam::${aws:PrincipalAccount}:role/${aws:username}\"}"));

        assertThat(result.problems()).isEmpty();
    }

    @Test
    void reportsMalformedJsonWithItsPosition() {
        PolicyProblem problem = only(identity("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}"));

        assertThat(problem.at().line()).isEqualTo(4);
        assertThat(problem.message()).startsWith("The policy is not valid JSON");
    }

    @Test
    void rejectsDeepNestingQuicklyWithoutOverflowingTheStack() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);

        PolicyProblem problem = only(identity(deep));

        assertThat(problem.message()).contains("nested too deeply");
    }

    @Test
    void rejectsAMegabyteWithoutReadingIt() {
        String big = "{\"Version\":\"2012-10-17\",\"Id\":\"" + "x".repeat(1 << 20) + "\"}";

        PolicyProblem problem = only(identity(big));

        assertThat(problem.message()).contains("too long");
    }

    @Test
    void parsesATreeWithoutPositions() {
        var tree = JsonMapper.builder()
                .build()
                .readTree(statement("{\"Effect\":\"Allow\",\"Action\":\"x\",\"Resource\":\"*\"}"));

        PolicyProblem problem = only(parser.parse(PolicyKind.IDENTITY, "p", tree));

        assertThat(problem.at().hasPosition()).isFalse();
        assertThat(problem.location()).isEqualTo("statement 1 · Action");
    }

    @Test
    void rejectsDeepTreesToo() {
        var mapper = JsonMapper.builder().build();
        var tree = mapper.readTree("{\"Statement\":" + "[".repeat(40) + "]".repeat(40) + "}");

        assertThat(only(parser.parse(PolicyKind.IDENTITY, "p", tree)).message()).contains("nested too deeply");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DateLessThan      | aws:CurrentTime       | 2026-12-31T23:59:59Z
            DateLessThan      | aws:CurrentTime       | 2026-12-31
            DateGreaterThan   | aws:EpochTime         | 1798761599
            IpAddress         | aws:SourceIp          | 203.0.113.0/24
            IpAddress         | aws:SourceIp          | 2001:db8::/32
            NotIpAddress      | aws:SourceIp          | 198.51.100.7
            NumericLessThan   | aws:MultiFactorAuthAge | 3600
            ArnLike           | aws:SourceArn         | arn:aws:lambda:*
            ArnEquals         | aws:PrincipalArn      | arn:aws:iam::111122223333:role/app
            ArnLike           | aws:PrincipalArn      | arn:aws:iam::${aws:PrincipalAccount}:role/*
            """)
    void acceptsTypedConditionValuesIamAccepts(String operator, String key, String value) {
        ParseResult result = identity(statement("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"" + operator + "\":{\"" + key + "\":\"" + value + "\"}}}"));
        assertThat(result.problems()).isEmpty();
    }
}
