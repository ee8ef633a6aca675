package dev.rolecall;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold: no cycles, every module says which others it may use and uses only
 * those, through their public surface, and that surface stays small.
 */
class ModularityTests {

    private static final Map<String, Integer> MOST_PUBLIC_TYPES_AT_ROOT =
            Map.of("request", 16, "policy", 15, "audit", 3);

    private final ApplicationModules modules = ApplicationModules.of(RolecallApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        modules.forEach(module -> {
            Package base = packageInfo(module.getBasePackage().getName());
            ApplicationModule declared = base.getAnnotation(ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule on %s", base.getName()).isNotNull();
            assertThat(declared.allowedDependencies())
                    .as("allowedDependencies of %s", module.getIdentifier())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    @Test
    void moduleRootsExposeFewTypes() {
        modules.forEach(module -> {
            String base = module.getBasePackage().getName();
            long exposed = StreamSupport.stream(
                            module.getBasePackage().toSingle().spliterator(), false)
                    .filter(JavaClass::isTopLevelClass)
                    .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                    .count();
            int most = MOST_PUBLIC_TYPES_AT_ROOT.getOrDefault(
                    module.getIdentifier().toString(), 10);
            assertThat(exposed).as("public types at the root of %s", base).isLessThanOrEqualTo(most);
        });
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static Package packageInfo(String name) {
        try {
            return Class.forName(name + ".package-info").getPackage();
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no package-info.java in " + name, e);
        }
    }
}
