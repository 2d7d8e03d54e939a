package uk.inspection.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept file is read whole, so one written to unpack into far more than any rule set (a
 * zip bomb in {@code rules.data/compiled-rules}) is given up as damaged before it is
 * unpacked: the reading allocates well under what it would unpack to.
 */
class CompiledRulesTest {

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
        .getThreadMXBean();

    @TempDir
    Path kept;

    @Test
    void aFileThatUnpacksIntoMoreThanAnyRuleSetIsNotUnpacked() throws IOException {
        int megabytes = 300;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(kept.resolve("k.jar")))) {
            zip.putNextEntry(new ZipEntry("classes/p/Big"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        CompiledRules rules = new CompiledRules(kept);

        long before = THREADS.getCurrentThreadAllocatedBytes();
        boolean read = rules.load("k").isPresent();
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;

        assertThat(read).isFalse();
        assertThat(allocated).isLessThan(100L * 1024 * 1024);
        assertThat(kept.resolve("k.jar")).doesNotExist();
    }

}
