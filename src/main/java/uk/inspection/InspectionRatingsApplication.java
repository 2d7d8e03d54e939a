package uk.inspection;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import uk.inspection.cli.CommandLineInterface;
import uk.inspection.problem.StrictJson;

/** The inspection ratings service: rule sets from files on disk, evaluated over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InspectionRatingsApplication {

    public static void main(String[] args) {
        if (CommandLineInterface.isCommand(args)) {
            System.exit(CommandLineInterface.run(args));
        }
        SpringApplication.run(InspectionRatingsApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return StrictJson::apply;
    }

}
