package uk.inspection.ruleset;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules home and rebuilds a framework when its files change: off the request
 * path, once the files have been quiet for the debounce interval (editors save in several
 * steps), one build at a time. The registry decides whether the build goes live.
 */
@Component
class RuleSetWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleSetWatcher.class);

    private final RulesProperties properties;

    private final RuleSetRegistry registry;

    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

    private ScheduledExecutorService builder;

    private WatchService watcher;

    private Thread listener;

    RuleSetWatcher(RulesProperties properties, RuleSetRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void start() {
        if (properties.mode() != RulesProperties.Mode.DEVELOPMENT || !properties.watch()) {
            return;
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (String top : new String[] { RuleSetFiles.RULES, RuleSetFiles.TABLES }) {
                Path root = properties.homePath().resolve(top);
                if (Files.isDirectory(root)) {
                    registerTree(root);
                }
            }
        }
        catch (IOException e) {
            log.error("Cannot watch {} for rule changes; edits need a restart or POST .../reload",
                    properties.homePath(), e);
            return;
        }
        builder = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rule-set-builder"));
        listener = new Thread(this::listen, "rule-set-watcher");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path folder = folders.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (folder != null && event.context() instanceof Path name) {
                        changed(folder.resolve(name));
                    }
                }
                if (!key.reset()) {
                    folders.remove(key);
                }
            }
        }
        catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(Path path) {
        if (Files.isDirectory(path)) {
            try {
                registerTree(path);
            }
            catch (IOException e) {
                log.warn("Cannot watch new folder {}", path, e);
            }
        }
        Path relative = properties.homePath().relativize(path);
        if (relative.getNameCount() < 2) {
            return;
        }
        String framework = relative.getName(1).toString();
        pending.compute(framework, (id, scheduled) -> {
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            return builder.schedule(() -> rebuild(framework), properties.debounce().toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void rebuild(String framework) {
        pending.remove(framework);
        // A file directly under rules/ or decision-tables/ (a README, say) is not a
        // framework.
        if (!registry.knows(framework)) {
            return;
        }
        try {
            registry.load(framework);
        }
        catch (RuntimeException e) {
            log.error("Rebuilding {} failed unexpectedly; the last good version keeps serving", framework, e);
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                folders.put(folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), folder);
            }
        }
    }

    @Override
    public void stop() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        }
        catch (IOException e) {
            log.debug("closing the watch service", e);
        }
        builder.shutdownNow();
        listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return listener != null && listener.isAlive();
    }

}
