package uk.inspection.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GOV.UK Frontend's styles, script and images from its webjar, under the console's path
 * (so the console's filter chain serves them), at the version Maven brought in; the
 * console's own styles are {@code static/console/assets/}. The styles ask for fonts at
 * {@code /assets/fonts/}, which nothing serves: GDS Transport is for GOV.UK's own
 * domains, and the styles fall back to Arial, as GOV.UK Frontend asks of other services.
 */
@Configuration
@ConditionalOnProperty(name = "rules.mode", havingValue = "store", matchIfMissing = true)
class ConsoleAssets implements WebMvcConfigurer {

    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/govuk-frontend/pom.properties";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String govuk = "classpath:/META-INF/resources/webjars/govuk-frontend/" + version() + "/dist/govuk/";
        registry.addResourceHandler("/console/assets/govuk/**").addResourceLocations(govuk);
    }

    private static String version() {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IllegalStateException("the govuk-frontend webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
