package org.credstack.enrollment.learner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifierKeysTest {

    @Test
    void comparesTheMboxDomainCaseInsensitivelyButTheLocalPartAsWritten() {
        assertThat(IdentifierKeys.mbox("mailto:Ada@Example.ORG")).isEqualTo(IdentifierKeys.mbox("Ada@example.org"));
        assertThat(IdentifierKeys.mbox("mailto:ada@example.org")).isNotEqualTo(IdentifierKeys.mbox("Ada@example.org"));
    }

    @Test
    void foldsAnMboxKeyToTheWholeAddressLowerCasedAndNoOtherKey() {
        assertThat(IdentifierKeys.folded(IdentifierKeys.mbox("mailto:Jane.Doe@Example.ORG")))
                .isEqualTo(IdentifierKeys.foldedOfEmail("jane.doe@example.org"))
                .isEqualTo("mbox:jane.doe@example.org");
        assertThat(IdentifierKeys.folded(IdentifierKeys.account("https://lms.example", "JDoe")))
                .isNull();
        assertThat(IdentifierKeys.folded(IdentifierKeys.sha1("ABC"))).isNull();
        assertThat(IdentifierKeys.folded(null)).isNull();
    }

    @Test
    void aLearnerStoredBeforeFoldedKeysReadsThemFromItsEmails() {
        Learner legacy = new Learner(
                "l-1",
                "Jane",
                java.util.List.of("Jane.Doe@Example.org"),
                java.util.List.of(),
                java.util.List.of(),
                null,
                java.time.Instant.EPOCH,
                null,
                3L);

        assertThat(legacy.foldedKeys()).containsExactly("mbox:jane.doe@example.org");
    }

    @Test
    void findsAnEmailByTheSha1OfItsMailtoIriAsRegisteredAndWithTheDomainLowerCased() {
        String registered = "Ada@Example.org";

        assertThat(IdentifierKeys.ofEmail(registered))
                .contains(
                        IdentifierKeys.sha1(IdentifierKeys.sha1Hex("mailto:Ada@Example.org")),
                        IdentifierKeys.sha1(
                                IdentifierKeys.sha1Hex("mailto:Ada@example.org").toUpperCase()));
    }

    @Test
    void computesMboxSha1sumAsTheHexSha1OfTheMailtoIri() {
        // xAPI Data 2.4.2.3; expected value computed independently (Python hashlib)
        assertThat(IdentifierKeys.ofEmail("test@example.com"))
                .contains("sha1:53d04bc579b8b4d082ca4a530642845e2c0bfe74");
    }

    @Test
    void keysAnAccountByHomePageAndName() {
        assertThat(new PartnerAccount("https://lms.example", "jdoe").key())
                .isEqualTo(IdentifierKeys.account("https://lms.example", "jdoe"))
                .isEqualTo("account:https://lms.example|jdoe");
    }
}
