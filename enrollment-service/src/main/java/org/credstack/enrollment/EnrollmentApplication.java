package org.credstack.enrollment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The enrollment service of CredStack (port 8082; see docs/architecture.md for what it owns). */
@SpringBootApplication
public class EnrollmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrollmentApplication.class, args);
    }
}
