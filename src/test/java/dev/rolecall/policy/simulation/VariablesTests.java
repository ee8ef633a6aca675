package dev.rolecall.policy.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.permissions.AccessRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTests {

    private static RequestContext context(Map<String, List<String>> keys) {
        return new RequestContext(new AccessRequest("s3:GetObject", "*", null, null, keys));
    }

    private static final RequestContext ALICE =
            context(Map.of("aws:username", List.of("alice"), "aws:PrincipalTag/team", List.of("a*b")));

    @Test
    void resolvesKeysWithoutRegardToCase() {
        assertThat(Variables.resolve("home/${AWS:UserName}/", true, ALICE).text())
                .isEqualTo("home/alice/");
    }

    @Test
    void marksTextFromVariablesAsLiteral() {
        Variables.Resolved resolved = Variables.resolve("t/${aws:PrincipalTag/team}/*", true, ALICE);

        assertThat(resolved.text()).isEqualTo("t/a*b/*");
        assertThat(resolved.literal()).containsExactly(false, false, true, true, true, false, false);
    }

    @Test
    void resolvesEscapes() {
        Variables.Resolved resolved = Variables.resolve("${*}${?}${$}x", true, ALICE);

        assertThat(resolved.text()).isEqualTo("*?$x");
        assertThat(resolved.literal()).containsExactly(true, true, true, false);
    }

    @Test
    void usesDefaultsOnlyWhenTheKeyHasNoSingleValue() {
        assertThat(Variables.resolve("${aws:userid, 'none'}", true, ALICE).text())
                .isEqualTo("none");
        assertThat(Variables.resolve("${ aws:username , 'none' }", true, ALICE).text())
                .isEqualTo("alice");
        assertThat(Variables.resolve("${aws:x, 'it''s}'}", true, ALICE).text()).isEqualTo("it's}");
        RequestContext many = context(Map.of("aws:TagKeys", List.of("a", "b")));
        assertThat(Variables.resolve("${aws:TagKeys}", true, many)).isNull();
        assertThat(Variables.resolve("${aws:TagKeys, 'd'}", true, many).text()).isEqualTo("d");
    }

    @Test
    void leavesTextAloneWhenVariablesAreOff() {
        assertThat(Variables.resolve("${aws:username}", false, ALICE).text()).isEqualTo("${aws:username}");
        assertThat(Variables.resolve("${unterminated", true, ALICE).text()).isEqualTo("${unterminated");
    }

    @Test
    void readsAnAbsentVariableAsWildcardWhenAsked() {
        Variables.Resolved resolved = Variables.resolve("u/${aws:userid}/x", true, ALICE, true);

        assertThat(resolved.text()).isEqualTo("u/*/x");
        assertThat(resolved.literal()[2]).isFalse();
        assertThat(Variables.resolve("u/${aws:userid}/x", true, ALICE)).isNull();
    }
}
