package dev.rolecall.policy.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.PolicyFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceReachTests {

    private final ResourceReach reach = new ResourceReach(PolicyFixtures.catalog());

    @ParameterizedTest
    @CsvSource({
        "arn:aws:iam::*:role/*, iam, role",
        "arn:aws:s3:::*, s3, bucket",
        "arn:aws:s3:::*, s3, object",
        "arn:aws:s3:::*/*, s3, object",
        "arn:*:cloudtrail:*:*:trail/*, cloudtrail, trail",
        "arn:aws:cloudtrail:*, cloudtrail, trail",
        "arn:aws:secretsmanager:*:*:secret:*, secretsmanager, Secret",
        "arn:aws:secretsmanager:us-east-1:*:secret:*, secretsmanager, Secret",
        "arn:aws-cn:kms:*:*:key/*, kms, key",
        "arn:aws:*:*:*:*, lambda, function"
    })
    void aWildcardArnCoversEveryResourceOfTheTypeInEveryAccount(String pattern, String service, String type) {
        ResourceReach.Covered covered = reach.of(pattern, service);
        assertThat(covered.everyAccount()).contains(type);
        assertThat(covered.account()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:iam::111122223333:role/*, iam, role",
        "arn:aws:secretsmanager:*:111122223333:secret:*, secretsmanager, Secret",
        "arn:aws:dynamodb:eu-west-1:111122223333:table/*, dynamodb, table"
    })
    void aWildcardArnInOneAccountCoversTheTypeInThatAccountOnly(String pattern, String service, String type) {
        ResourceReach.Covered covered = reach.of(pattern, service);
        assertThat(covered.everyAccount()).doesNotContain(type);
        assertThat(covered.oneAccount()).contains(type);
        assertThat(covered.account()).isEqualTo("111122223333");
    }

    @ParameterizedTest
    @CsvSource({
        "arn:aws:iam::*:role/app-*, iam",
        "arn:aws:iam::111122223333:role/app/*, iam",
        "arn:aws:s3:::my-bucket/*, s3",
        "arn:aws:s3:::my-bucket, s3",
        "arn:aws:cloudtrail:*:*:trail/org-trail, cloudtrail",
        "arn:aws:secretsmanager:*:*:secret:prod/*, secretsmanager",
        "arn:aws:iam::*:role/${aws:username}, iam",
        "arn:aws:iam::*:role/*, s3"
    })
    void aNarrowerArnCoversNothing(String pattern, String service) {
        assertThat(reach.of(pattern, service).isEmpty()).isTrue();
    }
}
