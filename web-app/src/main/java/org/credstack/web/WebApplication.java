package org.credstack.web;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The web app: public credential pages and the catalog, rendered on the server from catalog-service's and
 * badge-service's APIs (docs/web-app.md). It keeps no data of its own: no store, no topics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebApplication {

    /** The one clock of the app (UTC); tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
