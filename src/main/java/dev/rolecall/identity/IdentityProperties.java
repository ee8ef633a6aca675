package dev.rolecall.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Local users, for the embedded default and small installations.
 *
 * @param demo whether the users are the well-known demo users; the UI then shows a banner
 * @param users the people who may sign in; passwords are stored only as encoded hashes
 *     ({@code {bcrypt}...})
 * @param signIn how failed sign-ins are throttled
 */
@ConfigurationProperties("rolecall.identity")
@Validated
record IdentityProperties(
        @DefaultValue("false") boolean demo,
        @DefaultValue List<@Valid LocalUser> users,
        @DefaultValue @Valid SignIn signIn) {

    /**
     * Limits on failed sign-ins. Within {@code window}, a user name may fail
     * {@code failuresPerName} times and a client address {@code failuresPerAddress} times; after
     * that each further try waits {@code window / failures}, and the wait doubles with each further
     * failure, {@code backOffSteps} times at most. Waiting restores the allowance gradually.
     *
     * @param failuresPerName failures a user name may have in {@code window} before it waits
     * @param failuresPerAddress failures a client address may have in {@code window}, over all names
     * @param window the period over which failures are counted
     * @param backOffSteps how many times the wait may double
     */
    record SignIn(
            @DefaultValue("5") @Min(1) @Max(1000) int failuresPerName,
            @DefaultValue("20") @Min(1) @Max(10000) int failuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("4") @Min(0) @Max(10) int backOffSteps) {}

    /**
     * One local user.
     *
     * @param username sign-in name, shown as the actor in the audit trail
     * @param passwordHash a Spring Security encoded hash with its id prefix, e.g. {@code {bcrypt}$2a$...}
     * @param roles roles beyond REQUESTER, which everyone has
     * @param team the team the person belongs to, if any
     * @param email where notifications for the person go (decisions on their requests, and the outcome); none
     *     if unset
     */
    record LocalUser(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@+-]{1,64}")
            String username,

            @NotBlank @Pattern(regexp = "\\{[a-z0-9]+}.+", message = "must be an encoded hash with an {id} prefix")
            String passwordHash,

            @DefaultValue Set<Role> roles,
            @Nullable String team,
            @Nullable @Email String email) {}
}
