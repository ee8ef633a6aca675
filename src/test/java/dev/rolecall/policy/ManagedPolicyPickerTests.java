package dev.rolecall.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.ManagedPolicyPicker.ManagedPolicyChoice;
import dev.rolecall.policy.analysis.RiskLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedPolicyPickerTests {

    private final ManagedPolicyPicker picker = new ManagedPolicyPicker(
            PolicyFixtures.managedPolicies(),
            PolicyFixtures.policyAnalysisService(),
            PolicyFixtures.rolePermissionsService());

    @Test
    void findsAPolicyByPartOfItsNameIgnoringCaseSpacesAndPunctuation() {
        List<String> names = names(picker.search("s3 READ-only"));
        assertThat(names).contains("AmazonS3ReadOnlyAccess");
        assertThat(names.get(0).toLowerCase()).contains("s3");
    }

    @Test
    void wordsAlsoMatchTheAccessSummaryAfterTheNamesThatHaveThem() {
        // "Lambda" is in no S3 policy's name, but "Amazon S3" and "Read" are in the summary of
        // policies whose names say neither.
        List<ManagedPolicyChoice> choices = picker.search("s3 read");
        List<String> names = names(choices);
        assertThat(names).contains("AmazonS3ReadOnlyAccess");
        int firstBySummary = -1;
        for (int i = 0; i < choices.size(); i++) {
            String name = choices.get(i).name().toLowerCase();
            if (!(name.contains("s3") && name.contains("read"))) {
                firstBySummary = firstBySummary < 0 ? i : firstBySummary;
                assertThat(choices.get(i).access()).contains("S3").contains("Read");
            } else {
                assertThat(firstBySummary).as("names with the words come first").isNegative();
            }
        }
        assertThat(firstBySummary).as("a policy found through its summary").isPositive();
        assertThat(names(picker.search("amazon s3 permissions management")))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(first(name).access()).containsIgnoringCase("permissions management"));
    }

    @Test
    void anExactNameComesFirstThenNamesThatStartWithTheWords() {
        List<String> names = names(picker.search("ReadOnlyAccess"));
        assertThat(names.get(0)).isEqualTo("ReadOnlyAccess");
        assertThat(names).contains("AmazonS3ReadOnlyAccess");
        List<String> starting = names(picker.search("AmazonS3"));
        assertThat(starting).isNotEmpty();
        // Names that start with the words, then the policies found through their summary.
        int others = (int)
                starting.stream().filter(name -> !name.startsWith("AmazonS3")).count();
        assertThat(starting.subList(0, starting.size() - others)).allMatch(name -> name.startsWith("AmazonS3"));
    }

    @Test
    void eachPolicyCarriesTheRiskOfARoleWithOnlyThatPolicyAndItsAccess() {
        ManagedPolicyChoice admin = first("AdministratorAccess");
        assertThat(admin.arn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess");
        assertThat(admin.risk()).isIn(RiskLevel.CRITICAL, RiskLevel.HIGH);
        assertThat(admin.code()).isNotBlank();
        assertThat(admin.access()).contains("more services");

        ManagedPolicyChoice s3 = first("AmazonS3ReadOnlyAccess");
        assertThat(s3.risk().ordinal()).isLessThan(RiskLevel.HIGH.ordinal());
        assertThat(s3.access()).contains("Amazon S3").doesNotContain("Write");
    }

    @Test
    void namesTheKindOfPolicyFromItsPath() {
        assertThat(first("ViewOnlyAccess").kind()).isEqualTo("Job function");
        assertThat(ManagedPolicyPicker.kind("arn:aws:iam::aws:policy/service-role/AWSLambdaRole"))
                .isEqualTo("For a service's role");
        assertThat(first("ReadOnlyAccess").kind()).isEqualTo("AWS managed");
    }

    @Test
    void aBlankQueryFindsNothingAndAnyQueryFindsAtMostTwenty() {
        assertThat(picker.search("   ")).isEmpty();
        assertThat(picker.search("no-such-policy-name-anywhere")).isEmpty();
        assertThat(picker.search("Amazon")).hasSize(ManagedPolicyPicker.MOST_MATCHES);
    }

    private ManagedPolicyChoice first(String name) {
        return picker.search(name).stream()
                .filter(choice -> choice.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found"));
    }

    private static List<String> names(List<ManagedPolicyChoice> choices) {
        return choices.stream().map(ManagedPolicyChoice::name).toList();
    }
}
