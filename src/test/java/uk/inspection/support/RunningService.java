package uk.inspection.support;

import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import uk.inspection.InspectionRatingsApplication;

/**
 * The real service, with the same compiled classes, started on a rules home of the test's
 * choosing.
 */
public final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private final String base;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Started in the development mode on a rules home, served from disk as it is edited;
     * {@code settings} are extra {@code --name=value} arguments.
     */
    public static RunningService on(Path rulesHome, String... settings) {
        return start(settings, "--rules.home=" + rulesHome, "--rules.mode=development");
    }

    /**
     * Started in the store mode: a store at {@code rules.data} (made and seeded from the
     * project's rules when new).
     */
    public static RunningService onStore(Path data, String... settings) {
        return start(settings, "--rules.data=" + data);
    }

    /**
     * Started in the store mode on a store made and seeded from {@code seed} (a copy of
     * only the frameworks the test uses, say) rather than from the project's rules.
     */
    public static RunningService onStore(Path data, RulesHomeCopy seed, String... settings) {
        return start(settings, "--rules.data=" + data, "--rules.home=" + seed.home());
    }

    /**
     * Started in the store mode with beans of the test's own added first (a
     * {@code RuleSetCheck} that counts or holds builds, say).
     */
    public static RunningService onStore(Path data, ApplicationContextInitializer<GenericApplicationContext> beans,
            String... settings) {
        return start(beans, settings, "--rules.data=" + data);
    }

    private static RunningService start(String[] settings, String... fixed) {
        return start(context -> {
        }, settings, fixed);
    }

    private static RunningService start(ApplicationContextInitializer<GenericApplicationContext> beans,
            String[] settings, String... fixed) {
        String[] args = new String[settings.length + fixed.length + 1];
        args[0] = "--server.port=0";
        System.arraycopy(fixed, 0, args, 1, fixed.length);
        System.arraycopy(settings, 0, args, fixed.length + 1, settings.length);
        return new RunningService(
                new SpringApplicationBuilder(InspectionRatingsApplication.class).initializers(beans).run(args));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The client for this service. */
    public ApiClient api() {
        return new ApiClient(base);
    }

    public ApiClient.Reply post(String path, String body, String... headers) {
        return api().post(path, body, headers);
    }

    public ApiClient.Reply get(String path, String... headers) {
        return api().get(path, headers);
    }

    /** A property of the running service, e.g. {@code local.management.port}. */
    public String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

}
