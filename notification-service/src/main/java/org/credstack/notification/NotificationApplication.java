package org.credstack.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The notification service of CredStack (port 8084; see docs/architecture.md for what it owns). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationApplication {

    /** The system property Jakarta Mail reads first when it looks for its {@code StreamProvider}. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /** Angus Mail's provider (a runtime dependency, hence by name). */
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    public static void main(String[] args) {
        nameTheMailStreamProvider();
        SpringApplication.run(NotificationApplication.class, args);
    }

    /**
     * Names Angus Mail's {@code StreamProvider} in {@value #STREAM_PROVIDER} unless set: without it Jakarta Mail
     * 2.1 runs a {@code ServiceLoader} over every jar for each part of each message it writes, which was about 6 %
     * of this service's CPU per e-mail (JFR, under load). With it, the provider is one class lookup; if the class
     * were missing, Jakarta Mail would fall back to the {@code ServiceLoader}.
     */
    static void nameTheMailStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }
}
