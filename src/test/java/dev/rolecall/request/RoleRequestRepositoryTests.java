package dev.rolecall.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;

/**
 * The request repository carries no JPQL: Spring Data parses each {@code @Query} with two ANTLR
 * grammars while the console starts (about a second of CPU on two cores), and the lookups are single
 * SQL statements anyway ({@link RoleRequestLookupsImpl}).
 */
class RoleRequestRepositoryTests {

    @Test
    void noMethodOfTheRepositoryOrItsLookupsIsAJpqlQuery() {
        List<String> queries = Arrays.stream(new Class<?>[] {RoleRequestRepository.class, RoleRequestLookups.class})
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Query.class))
                .map(Method::getName)
                .toList();

        assertThat(queries).isEmpty();
    }

    @Test
    void theLookupsAreAFragmentOfTheRepository() {
        assertThat(RoleRequestLookups.class).isAssignableFrom(RoleRequestRepository.class);
        assertThat(RoleRequestRepository.class.getDeclaredMethods()).isEmpty();
    }
}
