package dev.rolecall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Turning sign-in methods on and off: never both off, and an enabled provider is fully described. */
class SignInMethodsTests {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    static SignInMethods.Sso sso(
            boolean enabled, @org.jspecify.annotations.Nullable URI issuer, Map<Role, List<String>> roles) {
        return new SignInMethods.Sso(
                enabled,
                "Okta",
                issuer,
                "rolecall",
                null,
                Set.of("openid"),
                "preferred_username",
                "groups",
                "team",
                roles);
    }

    @Test
    void localSignInAloneIsValid() {
        assertThat(validator.validate(new SignInMethods(true, sso(false, null, Map.of()))))
                .isEmpty();
    }

    @Test
    void theProviderAloneIsValid() {
        SignInMethods methods = new SignInMethods(
                false, sso(true, URI.create("https://idp.example"), Map.of(Role.REQUESTER, List.of("engineering"))));

        assertThat(validator.validate(methods)).isEmpty();
    }

    @Test
    void bothOffIsRefused() {
        Set<ConstraintViolation<SignInMethods>> problems =
                validator.validate(new SignInMethods(false, sso(false, null, Map.of())));

        assertThat(problems)
                .extracting(ConstraintViolation::getMessage)
                .containsExactly(
                        "turn on rolecall.identity.local-sign-in or rolecall.identity.sso.enabled: nobody could sign in");
    }

    @Test
    void anEnabledProviderNeedsAnIssuerAndAMappedGroup() {
        assertThat(validator.validate(new SignInMethods(true, sso(true, null, Map.of(Role.ADMIN, List.of("a"))))))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("sso.complete");
        assertThat(validator.validate(new SignInMethods(
                        true, sso(true, URI.create("https://idp.example"), Map.of(Role.ADMIN, List.of())))))
                .hasSize(1);
    }
}
