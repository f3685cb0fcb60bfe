package org.credstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.credstack.demo.Journey.Pick;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Which search hit {@link Journey#find} and {@link Journey#findStack} take. */
class JourneyPickTest {

    static final JsonNode PATHWAY = hit("stack-1", "STACK", "IT Networking Specialist Pathway");
    static final JsonNode NETWORK_PLUS = hit("comp-1", "MICRO_CREDENTIAL", "CompTIA Network+");
    static final JsonNode A_PLUS = hit("comp-2", "MICRO_CREDENTIAL", "CompTIA A+");

    static JsonNode hit(String id, String kind, String title) {
        return Http.JSON.readTree(
                "{\"id\":\"" + id + "\",\"content\":{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\"}}");
    }

    @Test
    void takesTheHitWithTheWantedTitle() {
        assertThat(Journey.choose(List.of(NETWORK_PLUS, A_PLUS), new Pick("q=CompTIA", "CompTIA A+"), false))
                .contains(A_PLUS);
    }

    @Test
    void fallsBackToTheFirstHitThatIsNotAStackWhenNoTitleMatches() {
        assertThat(Journey.choose(List.of(PATHWAY, NETWORK_PLUS, A_PLUS), new Pick("q=Network", "Network+"), false))
                .contains(NETWORK_PLUS);
    }

    @Test
    void neverTakesAStackForACredentialToEnrollInEvenWhenItsTitleIsTheOneWanted() {
        Pick pathway = new Pick("q=Networking", "IT Networking Specialist Pathway");

        assertThat(Journey.choose(List.of(PATHWAY, NETWORK_PLUS), pathway, false))
                .contains(NETWORK_PLUS);
        assertThat(Journey.choose(List.of(PATHWAY), pathway, false)).isEmpty();
    }

    @Test
    void findsOnlyStacksWhenAskedForAStack() {
        Pick pathway = new Pick("q=Networking", "IT Networking Specialist Pathway");

        assertThat(Journey.choose(List.of(NETWORK_PLUS, PATHWAY), pathway, true))
                .contains(PATHWAY);
        assertThat(Journey.choose(List.of(NETWORK_PLUS), pathway, true)).isEmpty();
    }
}
