package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.credstack.catalog.credential.TestDrafts.assignment;

import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.provider.ProviderDraft;
import org.credstack.events.catalog.MoveOn;
import org.junit.jupiter.api.Test;

/** Limits and formats the value objects enforce, each naming the field that breaks them. */
class CatalogLimitsTest {

    @Test
    void refusesTooLongTextsNamingTheField() {
        assertRefused(() -> draft(b -> b.title = "x".repeat(301)), "title");
        assertRefused(() -> draft(b -> b.description = "x".repeat(20_001)), "description");
        assertRefused(() -> draft(b -> b.skills = List.of("x".repeat(301))), "skills[0]");
        assertRefused(() -> new Alignment("ESCO", null, null, null, "x".repeat(301)), "label");
        assertRefused(() -> new ProviderDraft("x".repeat(301), null, null, null), "name");
        assertRefused(
                () -> new Assignment("x".repeat(201), "Task", "https://example.org/a", MoveOn.Completed, null), "id");
        assertRefused(() -> draft(b -> b.image = "https://example.org/" + "x".repeat(2_000)), "image");
        assertThat(draft(b -> b.title = "x".repeat(300)).title()).hasSize(300);
    }

    @Test
    void refusesTooManyEntriesNamingTheList() {
        assertRefused(() -> draft(b -> b.skills = Collections.nCopies(201, "Java")), "skills");
        List<Assignment> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(assignment("a" + i));
        }
        assertRefused(() -> draft(b -> b.assignments = many), "assignments");
        assertThat(draft(b -> b.assignments = many.subList(0, 200)).assignments())
                .hasSize(200);
    }

    @Test
    void refusesNullEntriesNamingTheElement() {
        assertRefused(() -> draft(b -> b.assignments = Collections.singletonList(null)), "assignments[0]");
        assertRefused(() -> draft(b -> b.skills = java.util.Arrays.asList("Java", null)), "skills[1]");
    }

    @Test
    void capsValidityPeriodsAndRenewalWindowsAtAHundredYears() {
        assertRefused(() -> draft(b -> b.validityPeriod = Period.ofYears(999_999_999)), "validityPeriod");
        assertRefused(() -> draft(b -> b.validityPeriod = Period.of(99, 11, 400)), "validityPeriod");
        assertRefused(() -> new RenewalPolicy(Period.ofDays(40_000), "renew", null, null), "renewalWindow");
        assertRefused(
                () -> new RenewalPolicy(Period.ofDays(90), "renew", null, null, Period.ofDays(-1)), "gracePeriod");
        assertRefused(
                () -> new RenewalPolicy(Period.ofDays(90), "renew", null, null, Period.ofDays(40_000)), "gracePeriod");
        assertThat(draft(b -> b.validityPeriod = Period.ofYears(100)).validityPeriod())
                .isEqualTo(Period.ofYears(100));
    }

    @Test
    void acceptsOnlyAbsoluteHttpUrlsAndPlausibleEmails() {
        assertRefused(() -> new ProviderDraft("Acme", "javascript:alert(1)", null, null), "url");
        assertRefused(() -> new ProviderDraft("Acme", "/relative", null, null), "url");
        assertRefused(() -> new ProviderDraft("Acme", null, "not-an-email", null), "email");
        assertRefused(() -> draft(b -> b.image = "javascript:alert(1)"), "image");
        assertRefused(() -> draft(b -> b.image = "data:image/png;base64,AAAA"), "image");
        assertRefused(() -> new Alignment("ESCO", null, null, "javascript:alert(1)", "Java"), "targetUrl");
        assertRefused(() -> new Assignment("a1", "Task", "javascript:alert(1)", MoveOn.Completed, null), "activityId");
        ProviderDraft ok = new ProviderDraft("Acme", "HTTPS://acme.example/", "info@acme.example", null);
        assertThat(ok.email()).isEqualTo("info@acme.example");
        assertThat(new Assignment("a1", "Task", "urn:uuid:5b3d3c1e-0d6e-4c1e-9a55-0a3f2b6c7d8e", MoveOn.Passed, 0.8)
                        .activityId())
                .startsWith("urn:uuid:");
    }

    @Test
    void acceptsOnlyCanonicalCtids() {
        assertRefused(() -> draft(b -> b.ctid = "hello"), "ctid");
        assertRefused(() -> draft(b -> b.ctid = "ce-3877CDEC-8C31-4A5E-9D43-6B8F2A9E1C77"), "ctid");
        assertThat(draft(b -> b.ctid = "ce-3877cdec-8c31-4a5e-9d43-6b8f2a9e1c77")
                        .ctid())
                .isEqualTo("ce-3877cdec-8c31-4a5e-9d43-6b8f2a9e1c77");
    }

    @Test
    void refusesEstimatedDurationsThatAreNotPositiveIsoDurations() {
        assertRefused(() -> draft(b -> b.estimatedDuration = "XT5H"), "estimatedDuration");
        assertRefused(() -> draft(b -> b.estimatedDuration = "P-5D"), "estimatedDuration");
        assertRefused(() -> draft(b -> b.estimatedDuration = "PT-5H"), "estimatedDuration");
        assertRefused(() -> draft(b -> b.estimatedDuration = "P999999999Y"), "estimatedDuration");
        assertThat(draft(b -> b.estimatedDuration = "PT5H").estimatedHours()).isEqualTo(5.0);
        assertThat(draft(b -> b.estimatedDuration = "P1DT2H").estimatedHours()).isEqualTo(26.0);
    }

    @Test
    void refusesTwoAssignmentsWithOneActivityId() {
        Assignment first = new Assignment("a1", "Task 1", "https://example.org/activities/x", MoveOn.Completed, null);
        Assignment second = new Assignment("a2", "Task 2", "https://example.org/activities/x", MoveOn.Passed, null);

        assertRefused(() -> draft(b -> b.assignments = List.of(first, second)), "assignments[0].activityId");
    }

    private static void assertRefused(Runnable creation, String field) {
        assertThatThrownBy(creation::run)
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class,
                        e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }

    /** The fields of a micro-credential draft a test may change. */
    private static final class Fields {
        String title = "Java";
        String description = "Learn Java";
        String ctid;
        List<String> skills = List.of("Java");
        String estimatedDuration = "PT10H";
        List<Assignment> assignments = List.of(assignment("a1"));
        Period validityPeriod = Period.ofYears(2);
        String image;
    }

    private static CredentialDraft draft(java.util.function.Consumer<Fields> change) {
        Fields f = new Fields();
        change.accept(f);
        return new CredentialDraft(
                f.title,
                f.description,
                Kind.MICRO_CREDENTIAL,
                Category.TECHNICAL,
                "p1",
                f.ctid,
                f.skills,
                List.of(),
                Set.of(DeliveryMode.ONLINE),
                null,
                f.estimatedDuration,
                null,
                f.assignments,
                null,
                f.validityPeriod,
                null,
                f.image,
                null);
    }
}
