package dev.rolecall.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Test classes that declare {@link UsesMoto} share one moto server per JVM, and each class (each
 * test, unless it says otherwise) starts from an empty one.
 */
@UsesMoto
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class UsesMotoIntegrationTests {

    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static @Nullable URI firstEndpoint;

    static void createRole(MotoServer moto, String name) {
        try (IamClient iam = moto.iamClient()) {
            iam.createRole(request -> request.roleName(name).assumeRolePolicyDocument(TRUST));
        }
    }

    static boolean hasRole(MotoServer moto, String name) {
        try (IamClient iam = moto.iamClient()) {
            return iam.listRoles().roles().stream().map(Role::roleName).anyMatch(name::equals);
        }
    }

    @Nested
    @Order(1)
    class AFirstClass {

        @Test
        void leavesARoleBehind(MotoServer moto) {
            firstEndpoint = moto.endpoint();
            createRole(moto, "left-behind");

            assertThat(hasRole(moto, "left-behind")).isTrue();
        }
    }

    @Nested
    @Order(2)
    class ALaterClass {

        @Test
        void getsTheSameServerWithoutWhatTheFirstLeft(MotoServer moto) {
            assertThat(moto).isSameAs(MotoServer.shared());
            assertThat(moto.endpoint()).isEqualTo(firstEndpoint);
            assertThat(hasRole(moto, "left-behind")).isFalse();
        }
    }

    @Nested
    @Order(3)
    @UsesMoto(resetBeforeEachTest = false)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class AClassThatKeepsStateBetweenItsTests {

        @Test
        @Order(1)
        void startsEmptyAndCreatesARole(MotoServer moto) {
            assertThat(hasRole(moto, "left-behind")).isFalse();

            createRole(moto, "kept");
        }

        @Test
        @Order(2)
        void stillSeesTheRole(MotoServer moto) {
            assertThat(hasRole(moto, "kept")).isTrue();
        }
    }

    @Nested
    @Order(4)
    class AClassResettingBeforeEachTest {

        @Test
        void startsWithoutWhatTheClassBeforeKept(MotoServer moto) {
            assertThat(hasRole(moto, "kept")).isFalse();
        }
    }
}
