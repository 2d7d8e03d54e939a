package uk.inspection.engine.drools.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import uk.inspection.ratings.facts.BankHoliday;

/**
 * The class loader Drools builds with finds what the service's finds (the same classes),
 * and a name it does not hold stays not found, however often it is asked.
 */
class RememberingClassLoaderTest {

    @Test
    void findsTheServicesOwnClassesAndResources() throws Exception {
        assertThat(RememberingClassLoader.SERVICE.loadClass(BankHoliday.class.getName())).isSameAs(BankHoliday.class);
        assertThat(RememberingClassLoader.SERVICE.getResource("uk/inspection/ratings/facts/BankHoliday.class"))
            .isNotNull();
    }

    @Test
    void aMissIsRememberedAndStaysAMiss() {
        String name = "yj2024.NoSuchClass" + System.nanoTime();
        int before = RememberingClassLoader.remembered().get("classes");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> RememberingClassLoader.SERVICE.loadClass(name))
                .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(RememberingClassLoader.remembered().get("classes")).isEqualTo(before + 1);
        assertThat(RememberingClassLoader.SERVICE.getResource("yj2024/NoSuchFile" + System.nanoTime() + ".class"))
            .isNull();
    }

}
