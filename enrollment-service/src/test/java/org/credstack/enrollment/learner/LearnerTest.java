package org.credstack.enrollment.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LearnerTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a b", "a?b", "a%2Fb"})
    void refusesAnIdThatIsNotOnePlainPathSegment(String id) {
        assertThat(field(() -> Learner.register(id, "Ada", List.of("a@example.org"), List.of(), AT)))
                .isEqualTo("id");
    }

    @Test
    void takesIdentityProvidersSubjectsAsIds() {
        assertThat(Learner.register(
                                "0b6f3c1e-2a4d-4f7e-9c1a-5d2e8f3b7a61", "Ada", List.of("a@example.org"), List.of(), AT)
                        .id())
                .isEqualTo("0b6f3c1e-2a4d-4f7e-9c1a-5d2e8f3b7a61");
        assertThat(field(() -> Learner.register("x".repeat(129), "Ada", List.of("a@example.org"), List.of(), AT)))
                .isEqualTo("id");
        assertThat(Learner.register("x".repeat(128), "Ada", List.of("a@example.org"), List.of(), AT)
                        .id())
                .hasSize(128);
    }

    @Test
    void refusesMoreThanTenEmailsOrAccounts() {
        List<String> emails =
                IntStream.range(0, 11).mapToObj(i -> "a" + i + "@example.org").toList();
        List<PartnerAccount> accounts = IntStream.range(0, 11)
                .mapToObj(i -> new PartnerAccount("https://lms.example", "n" + i))
                .toList();

        assertThat(field(() -> register("Ada", emails, null))).isEqualTo("emails");
        assertThat(field(() -> register("Ada", List.of("a@example.org"), accounts)))
                .isEqualTo("accounts");
    }

    @Test
    void refusesAddingIdentifiersBeyondTheCap() {
        Learner learner = register(
                "Ada",
                IntStream.range(0, 10).mapToObj(i -> "a" + i + "@example.org").toList(),
                null);

        assertThat(field(() -> learner.withIdentifiers(List.of("more@example.org"), null)))
                .isEqualTo("emails");
        assertThat(learner.withIdentifiers(List.of("a3@example.org"), null).emails())
                .hasSize(10);
    }

    @Test
    void refusesOverlongNamesEmailsAndAccounts() {
        String longEmail = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(3) + "org";

        assertThat(field(() -> register("x".repeat(201), List.of("a@example.org"), null)))
                .isEqualTo("displayName");
        assertThat(field(() -> register("Ada", List.of("a@example.org", longEmail), null)))
                .isEqualTo("emails[1]");
        assertThat(field(() -> register(
                        "Ada",
                        List.of("a@example.org"),
                        List.of(new PartnerAccount("https://lms.example/" + "p".repeat(2000), "n")))))
                .isEqualTo("accounts[0].homePage");
        assertThat(field(() -> register(
                        "Ada",
                        List.of("a@example.org"),
                        List.of(new PartnerAccount("https://lms.example", "n".repeat(501))))))
                .isEqualTo("accounts[0].name");
        assertThat(register("x".repeat(200), List.of("a@example.org"), null).displayName())
                .hasSize(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mailto:zz@example.org",
                "zz@@example.org",
                "z z@example.org",
                "zz@exa mple.org",
                "zz@example",
                "zz\u0000@example.org",
                "zz@example.org\n",
                "a@b@example.org"
            })
    void refusesWhatIsNotAnEmailAddress(String email) {
        assertThat(field(() -> register("Ada", List.of("ok@example.org", email), null)))
                .isEqualTo("emails[1]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ada@example.org", "Ada.Lovelace+cs@Mail.Example.ORG", "o'brien@example.co.uk", "jörg@bücher.de"
            })
    void acceptsEmailAddresses(String email) {
        assertThat(register("Ada", List.of(email), null).emails()).containsExactly(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\u0000", "Ada\r\nBcc: x", "Ada\nLovelace", "\u0007Ada"})
    void refusesControlCharactersInTheDisplayName(String name) {
        assertThat(field(() -> register(name, List.of("a@example.org"), null))).isEqualTo("displayName");
    }

    @Test
    void refusesControlCharactersInAnAccountName() {
        assertThat(field(() -> register(
                        "Ada", List.of("a@example.org"), List.of(new PartnerAccount("https://lms.example", "n\r\n")))))
                .isEqualTo("accounts[0].name");
    }

    private static Learner register(String name, List<String> emails, List<PartnerAccount> accounts) {
        return Learner.register("l1", name, emails, accounts == null ? Collections.emptyList() : accounts, AT);
    }

    private static String field(Runnable call) {
        return catchThrowableOfType(InvalidIdentifier.class, call::run).field();
    }
}
