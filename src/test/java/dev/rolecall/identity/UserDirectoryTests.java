package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class UserDirectoryTests {

    static final String COST_10 = "{bcrypt}$2a$10$CqBgWHASCRkTxZwXI1Ck5uav5LdD4l3oIdHlyrNl01eUe2iA6VH8O";
    static final String COST_12 = "{bcrypt}$2a$12$CqBgWHASCRkTxZwXI1Ck5uav5LdD4l3oIdHlyrNl01eUe2iA6VH8O";

    @Test
    void warnsAboutAHashWhoseCheckTakesADifferentTimeThanAnUnknownNames(CapturedOutput output) {
        new UserDirectory(properties(
                new IdentityProperties.LocalUser("even", COST_10, Set.of(), null, null),
                new IdentityProperties.LocalUser("slower", COST_12, Set.of(), null, null)));

        assertThat(output.getOut())
                .contains("The password hash of user slower is not {bcrypt} with cost 10")
                .doesNotContain("user even");
    }

    private static IdentityProperties properties(IdentityProperties.LocalUser... users) {
        return new IdentityProperties(
                false, List.of(users), new IdentityProperties.SignIn(5, 20, Duration.ofMinutes(15), 4));
    }
}
