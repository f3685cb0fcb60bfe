package org.credstack.catalog;

import org.credstack.runtime.security.PublicPaths;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The catalog service of CredStack (port 8081; see docs/architecture.md for what it owns). */
@SpringBootApplication
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }

    /**
     * The catalog's public reads beyond the platform's ({@code GET /api/v1/credentials/**} is one of those):
     * providers' public profiles and their list, and the goals to search by. Writes need a token; see
     * docs/authz-catalog.md.
     */
    @Bean
    PublicPaths catalogPublicPaths() {
        return PublicPaths.of("GET /api/v1/providers/**", "GET /api/v1/goals");
    }
}
