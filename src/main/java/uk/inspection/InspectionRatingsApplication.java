package uk.inspection;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The inspection ratings service: rule sets from files on disk, evaluated over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class InspectionRatingsApplication {

    public static void main(String[] args) {
        SpringApplication.run(InspectionRatingsApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
