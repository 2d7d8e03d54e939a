package uk.inspection.support;

import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

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
     * Started on a rules home; {@code settings} are extra {@code --name=value} arguments.
     */
    public static RunningService on(Path rulesHome, String... settings) {
        String[] args = new String[settings.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--rules.home=" + rulesHome;
        System.arraycopy(settings, 0, args, 2, settings.length);
        return new RunningService(new SpringApplicationBuilder(InspectionRatingsApplication.class).run(args));
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

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }

}
