package org.credstack.web.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class LinkedInLinkTest {

    @Test
    void leavesTheExpirationOutForACredentialThatNeverExpires() {
        String link = LinkedInLink.of(
                "C++ & Rust",
                "Acme",
                ZonedDateTime.parse("2026-01-31T23:30:00-05:00[America/New_York]"),
                null,
                URI.create("https://learn.example.org/credentials/x-1"),
                "x-1");

        assertThat(link)
                .isEqualTo("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=C%2B%2B%20%26%20Rust"
                        + "&organizationName=Acme&issueYear=2026&issueMonth=1"
                        + "&certUrl=https%3A%2F%2Flearn.example.org%2Fcredentials%2Fx-1&certId=x-1");
    }
}
