package uk.inspection.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import uk.inspection.InspectionRatingsApplication;

/**
 * The service (or its command line) as a process of its own, for what a process in the
 * test's JVM cannot show: a kill -9, a SIGTERM, two instances, the real main's exit code.
 * Its output goes to a log file the failures point at.
 * <p>
 * A child JVM lives for seconds, so it is started for a quick start rather than for peak
 * speed: the client compiler only and the serial collector, which on a busy 2-core
 * machine bring the service up in about two thirds of the time and serve these tests' few
 * hundred requests as well.
 */
public final class ServiceJvm implements AutoCloseable {

    private static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;

    private final Path log;

    private final int port;

    private ServiceJvm(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * The service on a free port ({@code --server.port} is added), with the tests' class
     * path, logging to {@code log} (appended to, so that a restart's log follows the
     * first's).
     */
    public static ServiceJvm start(Path log, String... arguments) throws IOException {
        return start(System.getProperty("java.class.path"), log, arguments);
    }

    /**
     * As {@link #start(Path, String...)}, without the test classes on the class path: the
     * service then logs as it does in production (the tests' logback-test.xml would
     * replace its format).
     */
    public static ServiceJvm startAsShipped(Path log, String... arguments) throws IOException {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return start(Arrays.stream(all.split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).endsWith("test-classes"))
            .collect(Collectors.joining(File.pathSeparator)), log, arguments);
    }

    private static ServiceJvm start(String classPath, Path log, String... arguments) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(java(classPath));
        command.add("--server.port=" + port);
        command.addAll(List.of(arguments));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        return new ServiceJvm(process, log, port);
    }

    /**
     * The real main run as {@code java -jar} would, to its end: its exit code and output,
     * or a failure if it has not ended within {@code timeout}.
     */
    public static Ended run(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(java(System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(ended).as("the process ended within %s: %s", timeout, output).isTrue();
        return new Ended(process.exitValue(), output);
    }

    /** A process that ended: its exit code and what it printed. */
    public record Ended(int exit, String output) {
    }

    private static List<String> java(String classPath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(QUICK_START);
        command.addAll(List.of("-cp", classPath, InspectionRatingsApplication.class.getName()));
        return command;
    }

    public int port() {
        return port;
    }

    public ApiClient api() {
        return ApiClient.onPort(port);
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    /**
     * Waits until {@code path} answers 200 (the store's state, a readiness probe),
     * failing at once with its log if the process died.
     */
    public ApiClient awaitAnswering(String path, Duration timeout) throws Exception {
        ApiClient api = api();
        Eventually.await(timeout, () -> {
            assertThat(process.isAlive()).as("the service died; its log ends: %s", tail()).isTrue();
            try {
                return api.get(path).status() == 200;
            }
            catch (RuntimeException e) {
                return false; // not listening yet
            }
        });
        return api;
    }

    /** The log so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private String tail() throws IOException {
        String output = output();
        return output.substring(Math.max(0, output.length() - 4000));
    }

    /** SIGKILL, and waits until the process has gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * Asks the process to stop (SIGTERM) and waits until it has: a test's temporary
     * folder is deleted as soon as the test returns, and a service still shutting down
     * writes into it (its journal, its database), so the deletion fails.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

}
