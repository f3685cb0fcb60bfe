package org.credstack.badge.stacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.credstack.badge.catalog.CatalogReplica;
import org.credstack.badge.issuing.HeldCredential;
import org.credstack.events.catalog.CredentialSnapshot.ComponentRule;
import org.junit.jupiter.api.Test;

class StackRulesTest {

    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

    /** Capstone required, and 3 of 4 electives. */
    static final ComponentRule PATHWAY = new ComponentRule(
            "Pathway",
            2,
            List.of("capstone"),
            List.of(new ComponentRule("electives", 3, List.of("e1", "e2", "e3", "e4"), List.of())));

    static HeldCredential badge(String credentialId, String validFrom, String validUntil, String revokedAt) {
        return new HeldCredential(
                "b-" + credentialId + "-" + validFrom,
                "http://localhost:8083/credentials/b-" + credentialId,
                "learner-1",
                credentialId,
                Instant.parse(validFrom),
                validUntil == null ? null : Instant.parse(validUntil),
                revokedAt == null ? null : Instant.parse(revokedAt),
                "ada@example.org",
                "Ada",
                List.of(),
                "{}");
    }

    static Map<String, HeldCredential> counting(HeldCredential... held) {
        return StackRules.counting(List.of(held), CatalogReplica.componentIds(PATHWAY), NOW);
    }

    @Test
    void isMetByNOfMInANestedRuleTogetherWithTheRequiredComponent() {
        var met = StackRules.met(
                PATHWAY,
                counting(
                        badge("e1", "2024-01-01T00:00:00Z", null, null),
                        badge("capstone", "2024-03-01T00:00:00Z", null, null),
                        badge("e3", "2024-02-01T00:00:00Z", null, null),
                        badge("e4", "2024-04-01T00:00:00Z", null, null)));

        assertThat(met).isPresent();
        assertThat(met.get().validFrom()).isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
        assertThat(met.get().qualifying())
                .extracting(HeldCredential::credentialId)
                .containsExactly("e1", "e3", "capstone", "e4");
    }

    @Test
    void isMetAtTheBusinessTimeOfTheLastQualifyingComponentNotOfALaterExtraOne() {
        var met = StackRules.met(
                PATHWAY,
                counting(
                        badge("e1", "2024-01-01T00:00:00Z", null, null),
                        badge("e2", "2024-01-02T00:00:00Z", null, null),
                        badge("e3", "2024-01-03T00:00:00Z", null, null),
                        badge("capstone", "2024-02-01T00:00:00Z", null, null),
                        badge("e4", "2024-05-01T00:00:00Z", null, null)));

        assertThat(met.orElseThrow().validFrom()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(met.get().qualifying())
                .extracting(HeldCredential::credentialId)
                .doesNotContain("e4");
    }

    @Test
    void isNotMetWithoutTheRequiredComponentHoweverManyElectives() {
        var met = StackRules.met(
                PATHWAY,
                counting(
                        badge("e1", "2024-01-01T00:00:00Z", null, null),
                        badge("e2", "2024-01-02T00:00:00Z", null, null),
                        badge("e3", "2024-01-03T00:00:00Z", null, null),
                        badge("e4", "2024-01-04T00:00:00Z", null, null)));

        assertThat(met).isEmpty();
    }

    @Test
    void expiredAndRevokedComponentsDoNotCount() {
        Map<String, HeldCredential> counting = counting(
                badge("e1", "2024-01-01T00:00:00Z", null, null),
                badge("e2", "2024-01-02T00:00:00Z", "2024-06-01T00:00:00Z", null), // validUntil == now: expired
                badge("e3", "2024-01-03T00:00:00Z", null, "2024-05-01T00:00:00Z"), // revoked
                badge("capstone", "2024-02-01T00:00:00Z", "2024-06-01T00:00:01Z", null)); // still in force

        assertThat(counting.keySet()).containsExactlyInAnyOrder("e1", "capstone");
        assertThat(StackRules.met(PATHWAY, counting)).isEmpty();
    }

    @Test
    void theEarliestBadgeInForceOfAComponentCounts() {
        Map<String, HeldCredential> counting = counting(
                badge("capstone", "2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z", null), // expired
                badge("capstone", "2024-02-01T00:00:00Z", null, null),
                badge("capstone", "2024-03-01T00:00:00Z", null, null));

        assertThat(counting.get("capstone").validFrom()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
    }

    @Test
    void saysWhatIsLeftInPlainWordsUsingRuleLabelsAndTitles() {
        Set<String> done = Set.of("e1", "e2");

        String left = StackRules.left(PATHWAY, done, id -> id.equals("capstone") ? "Capstone" : id);

        assertThat(left).isEqualTo("2 of 3 electives, Capstone missing");
        assertThat(StackRules.open(PATHWAY, done))
                .containsExactly(
                        new StackRules.OpenRule("Pathway", 2, 0, List.of("capstone")),
                        new StackRules.OpenRule("electives", 3, 2, List.of("e3", "e4")));
        assertThat(StackRules.left(PATHWAY, Set.of("e1", "e2", "e3", "capstone"), id -> id))
                .isEmpty();
    }

    @Test
    void namesEveryComponentOfNestedRules() {
        assertThat(CatalogReplica.componentIds(PATHWAY)).containsExactly("capstone", "e1", "e2", "e3", "e4");
    }
}
