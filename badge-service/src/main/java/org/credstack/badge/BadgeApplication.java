package org.credstack.badge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The badge service of CredStack (port 8083; see docs/architecture.md for what it owns). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BadgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(BadgeApplication.class, args);
    }
}
