package uk.inspection.support;

import java.util.concurrent.TimeUnit;

/**
 * Stopping a service started as a process of its own.
 */
public final class ServiceProcesses {

    private ServiceProcesses() {
    }

    /**
     * Asks the process to stop and waits until it has: a test's temporary folder is
     * deleted as soon as the test returns, and a service still shutting down writes into
     * it (its journal, its database), so the deletion fails.
     */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

}
