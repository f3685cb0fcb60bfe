package org.credstack.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/** Jakarta Mail finds its stream provider by name, not by a {@code ServiceLoader} per message part. */
class MailStreamProviderTest {

    @Test
    void startingTheServiceNamesAngusMailsStreamProvider() {
        NotificationApplication.nameTheMailStreamProvider();

        assertThat(System.getProperty(NotificationApplication.STREAM_PROVIDER))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(StreamProvider.provider().getClass().getName())
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }
}
