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
 * steps), one build at a time. The registry decides whether the build goes live. It
 * listens for file events where the file system delivers them and polls (every
 * {@code rules.poll-interval}) where it may not, such as a network share a methodology
 * team saves to; the log says which.
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

    /** The last poll's view of the files (path to size and modification time). */
    private volatile Map<Path, String> polled = Map.of();

    private volatile boolean polling;

    /**
     * File systems whose changes may be made by another machine, so the kernel has no
     * event to deliver (NFS, SMB/CIFS, FUSE mounts such as sshfs, VM shared folders):
     * {@code auto} polls there.
     */
    private static final java.util.Set<String> EVENTLESS_FILE_SYSTEMS = java.util.Set.of("nfs", "nfs4", "cifs", "smb",
            "smb2", "smb3", "smbfs", "fuse", "fuseblk", "fuse.sshfs", "sshfs", "9p", "afs", "davfs", "fuse.davfs",
            "vboxsf", "prl_fs", "virtiofs", "ceph", "glusterfs", "fuse.glusterfs", "lustre");

    RuleSetWatcher(RulesProperties properties, RuleSetRegistry registry) {
        this.properties = properties;
        this.registry = registry;
    }

    @Override
    public void start() {
        if (properties.mode() != RulesProperties.Mode.DEVELOPMENT || !properties.watch()) {
            return;
        }
        builder = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "rule-set-builder"));
        String fileSystem = fileSystemType(properties.homePath());
        RulesProperties.WatchMode mode = properties.watchMode();
        if (mode == RulesProperties.WatchMode.AUTO) {
            mode = EVENTLESS_FILE_SYSTEMS.contains(fileSystem) ? RulesProperties.WatchMode.POLLING
                    : RulesProperties.WatchMode.EVENTS;
        }
        if (mode == RulesProperties.WatchMode.EVENTS) {
            try {
                watcher = FileSystems.getDefault().newWatchService();
                for (String top : new String[] { RuleSetFiles.RULES, RuleSetFiles.TABLES }) {
                    Path root = properties.homePath().resolve(top);
                    if (Files.isDirectory(root)) {
                        registerTree(root);
                    }
                }
                listener = new Thread(this::listen, "rule-set-watcher");
                listener.setDaemon(true);
                listener.start();
                log.info("Watching {} for rule changes by file events (file system {}, rules.watch-mode={})",
                        properties.homePath(), fileSystem, properties.watchMode());
                return;
            }
            catch (IOException e) {
                log.warn("Cannot watch {} by file events ({}); polling instead", properties.homePath(), e.getMessage());
                closeWatcher();
            }
        }
        polled = snapshot();
        builder.scheduleWithFixedDelay(this::poll, properties.pollInterval().toMillis(),
                properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        polling = true;
        log.info(
                "Watching {} for rule changes by polling every {} (file system {}, rules.watch-mode={}: file"
                        + " events are not delivered reliably on network shares)",
                properties.homePath(), properties.pollInterval(), fileSystem, properties.watchMode());
    }

    /** How this home is being watched, for the log and the tests: EVENTS or POLLING. */
    RulesProperties.WatchMode mode() {
        return polling ? RulesProperties.WatchMode.POLLING : RulesProperties.WatchMode.EVENTS;
    }

    private static String fileSystemType(Path home) {
        try {
            return Files.getFileStore(home).type().toLowerCase(java.util.Locale.ROOT);
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * One poll: every rule file's size and modification time against the last poll's; a
     * framework with a file added, changed or removed is rebuilt (debounced as events
     * are).
     */
    private void poll() {
        try {
            Map<Path, String> now = snapshot();
            java.util.Set<Path> changed = new java.util.HashSet<>();
            now.forEach((path, stamp) -> {
                if (!stamp.equals(polled.get(path))) {
                    changed.add(path);
                }
            });
            polled.keySet().stream().filter(path -> !now.containsKey(path)).forEach(changed::add);
            polled = now;
            changed.forEach(this::changed);
        }
        catch (RuntimeException e) {
            log.warn("Polling {} for rule changes failed; trying again in {}", properties.homePath(),
                    properties.pollInterval(), e);
        }
    }

    private Map<Path, String> snapshot() {
        Map<Path, String> stamps = new java.util.HashMap<>();
        for (String top : new String[] { RuleSetFiles.RULES, RuleSetFiles.TABLES }) {
            Path root = properties.homePath().resolve(top);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(file -> {
                    try {
                        stamps.put(file, Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
                    }
                    catch (IOException e) {
                        // Removed while walking: the next poll sees it gone.
                    }
                });
            }
            catch (IOException | java.io.UncheckedIOException e) {
                log.debug("walking {}", root, e);
            }
        }
        return stamps;
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
        if (watcher != null && Files.isDirectory(path)) {
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
        closeWatcher();
        if (builder != null) {
            builder.shutdownNow();
        }
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void closeWatcher() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        }
        catch (IOException e) {
            log.debug("closing the watch service", e);
        }
        watcher = null;
    }

    @Override
    public boolean isRunning() {
        return listener != null && listener.isAlive() || polling && builder != null && !builder.isShutdown();
    }

}
