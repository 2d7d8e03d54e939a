package uk.inspection.ruleset;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds back everything that starts with the service (the web server, the store's
 * refresh, the watcher, the records importer) until every framework's first build has
 * finished, so the service never answers before its rule sets are built, as when they
 * were built one after another during start-up; the builds themselves overlap with the
 * rest of start-up. Readiness stays the place that says which frameworks built.
 */
@Component
class FirstBuildsGate implements SmartLifecycle {

    private final RuleSetRegistry registry;

    private volatile boolean running;

    FirstBuildsGate(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        registry.awaitFirstBuilds();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before every other phase, the web server's included. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

}
