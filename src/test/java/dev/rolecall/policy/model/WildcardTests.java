package dev.rolecall.policy.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTests {

    @ParameterizedTest
    @CsvSource(textBlock = """
            *,            '',           true
            *,            a/b:c,        true
            a*,           a,            true
            a*c,          abbbc,        true
            a*c,          abbbd,        false
            a?c,          abc,          true
            a?c,          ac,           false
            *a*b*,        xxaxxbxx,     true
            *a*b*,        xxbxxaxx,     false
            a**,          a,            true
            abc,          ABC,          false
            '',           '',           true
            '',           a,            false
            *aaa*,        aaaaaaaaab,   true
            a*a*a*a*b,    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, false
            """)
    void matchesCaseSensitively(String pattern, String value, boolean expected) {
        assertThat(Wildcard.matches(pattern, value, false)).isEqualTo(expected);
    }

    @Test
    void ignoresCaseOnlyWhenAsked() {
        assertThat(Wildcard.matches("s3:get*", "S3:GetObject", true)).isTrue();
        assertThat(Wildcard.matches("s3:get*", "S3:GetObject", false)).isFalse();
    }

    @Test
    void literalCharactersAreNotWildcards() {
        boolean[] literal = {false, true, false};

        assertThat(Wildcard.matches("a*b", literal, "a*b", false)).isTrue();
        assertThat(Wildcard.matches("a*b", literal, "axxb", false)).isFalse();
        assertThat(Wildcard.matches("a*b", null, "axxb", false)).isTrue();
    }

    @Test
    void actionPatternsExposeServiceAndName() {
        ActionPattern pattern = new ActionPattern("S3:Get*", SourcePosition.UNKNOWN);

        assertThat(pattern.service()).isEqualTo("s3");
        assertThat(pattern.name()).isEqualTo("Get*");
        assertThat(pattern.hasWildcard()).isTrue();
        assertThat(pattern.matches("s3:getobject")).isTrue();
        assertThat(pattern.matches("s3:PutObject")).isFalse();
        assertThat(new ActionPattern("*", SourcePosition.UNKNOWN).isAll()).isTrue();
    }

    @Test
    void actionElementsCoverByNegation() {
        ActionElement notIam = new ActionElement(
                true, java.util.List.of(new ActionPattern("iam:*", SourcePosition.UNKNOWN)), SourcePosition.UNKNOWN);

        assertThat(notIam.covers("s3:GetObject")).isTrue();
        assertThat(notIam.covers("IAM:PassRole")).isFalse();
        assertThat(notIam.name()).isEqualTo("NotAction");
    }
}
