package org.credstack.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.ComponentRule;
import org.credstack.catalog.credential.CredentialDraft;
import org.credstack.catalog.credential.ImportBatch;
import org.credstack.catalog.credential.ImportBatch.ImportedCredential;
import org.credstack.catalog.credential.Kind;
import org.junit.jupiter.api.Test;

class CtdlPathwayImportTest {

    private static final String USU = "ctdl/usu-empowering-teaching-excellence_badge-pathway.json";
    private static final String UNT = "ctdl/unt-french-ba-marketable-skills_badge-pathway.json";
    private static final String COMPTIA = "ctdl/comptia-it-networking-specialist_pathway.jsonld";

    private static ImportBatch read(String file, String provider) {
        return Samples.read(file, ImportOptions.source(file).withProvider(provider));
    }

    private static CredentialDraft stack(ImportBatch batch) {
        ImportedCredential last = batch.credentials().getLast();
        assertThat(last.draft().kind()).isEqualTo(Kind.STACK);
        return last.draft();
    }

    private static Map<String, String> titles(ImportBatch batch) {
        return batch.credentials().stream()
                .collect(Collectors.toMap(
                        ImportedCredential::sourceKey, c -> c.draft().title()));
    }

    private static Stream<ComponentRule> flatten(ComponentRule rule) {
        return Stream.concat(Stream.of(rule), rule.rules().stream().flatMap(CtdlPathwayImportTest::flatten));
    }

    private static ComponentRule find(ComponentRule root, String label) {
        return flatten(root)
                .filter(r -> r.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + label));
    }

    @Test
    void importsTheUsuPathwayAsAStackOverItsNinetyTwoBadges() {
        ImportBatch batch = read(USU, "Utah State University");

        assertThat(batch.credentials()).hasSize(93);
        assertThat(batch.credentials().subList(0, 92))
                .allSatisfy(c -> assertThat(c.draft().kind()).isEqualTo(Kind.MICRO_CREDENTIAL));
        CredentialDraft stack = stack(batch);
        assertThat(batch.credentials().getLast().sourceKey()).isEqualTo("ce-d69d5382-1fd9-436e-b324-5ce8dc96e3c7");
        assertThat(stack.title()).isEqualTo("ETE Pathways");
        assertThat(stack.description()) // the pathway has none; its destination badge says what it takes
                .isEqualTo("This badge represents the completion of at least 20 ETE digital badges and both of the "
                        + "culminating certificates.");
        assertThat(stack.category()).isEqualTo(Category.SOFT_SKILL);
        assertThat(batch.credentials())
                .allSatisfy(c -> assertThat(c.draft().category()).isEqualTo(Category.SOFT_SKILL));
        Map<String, String> keys = titles(batch);
        assertThat(stack.stackRule().allCredentialIds())
                .allSatisfy(id -> assertThat(keys).containsKey(id));
    }

    @Test
    void usuStackNeedsTwentyBadgesAndBothCulminatingCertificates() {
        ImportBatch batch = read(USU, "Utah State University");
        Map<String, String> titles = titles(batch);
        ComponentRule root = stack(batch).stackRule();

        assertThat(root.label()).isEqualTo("Teaching Excellence Pathway");
        assertThat(root.requiredNumber()).isEqualTo(2);
        assertThat(root.credentialIds())
                .singleElement()
                .extracting(titles::get)
                .isEqualTo("Teaching Excellence Pathway");
        ComponentRule master = root.rules().getFirst();
        assertThat(master.label()).isEqualTo("Master Teacher Certificate");
        assertThat(master.requiredNumber()).isEqualTo(3); // the certificate, its three levels, its prerequisite
        assertThat(master.credentialIds()).extracting(titles::get).containsExactly("Master Teacher Certificate");
        ComponentRule levels = master.rules().getFirst();
        assertThat(levels.requiredNumber()).isEqualTo(3);
        int badges = Stream.of("Master Contribute Level", "Master Implement Level", "Master Engage Level")
                .map(level -> find(
                        levels,
                        level + ": Requires "
                                + switch (level) {
                                    case "Master Contribute Level" -> "4 of 21";
                                    case "Master Implement Level" -> "6 of 32";
                                    default -> "10 of 31";
                                }
                                + " items."))
                .mapToInt(ComponentRule::requiredNumber)
                .sum();
        assertThat(badges).isEqualTo(20);
        ComponentRule scholar = master.rules().get(1);
        assertThat(scholar.label()).isEqualTo("Teaching Scholar Certificate");
        assertThat(scholar.credentialIds())
                .extracting(titles::get)
                .containsExactly("Teaching Scholar Certificate", "Teaching Philosophy (Implement)");
        assertThat(find(scholar, "Teaching Scholar Certificate: Requires 1 of 4 items.")
                        .requiredNumber())
                .isEqualTo(1);
        assertThat(find(root, "Scholar Engage Level: Requires 6 of 31 items.").credentialIds())
                .hasSize(31);
    }

    @Test
    void importsTheUntPathwayWithTwoOfFourRules() {
        ImportBatch batch = read(UNT, "University of North Texas");
        Map<String, String> titles = titles(batch);

        assertThat(batch.credentials()).hasSize(31);
        CredentialDraft stack = stack(batch);
        assertThat(stack.title()).isEqualTo("French B.A. Marketable Skills");
        ComponentRule root = stack.stackRule();
        assertThat(root.label()).isEqualTo("Marketable Skills in French");
        assertThat(root.credentialIds()).extracting(titles::get).containsExactly("Marketable Skills in French");
        ComponentRule skills = root.rules().getFirst();
        assertThat(skills.label()).isEqualTo("Marketable Skills in French: Requires 5 of 5 items.");
        assertThat(skills.requiredNumber()).isEqualTo(5); // no requiredNumber in the data: all targets
        assertThat(skills.rules())
                .extracting(ComponentRule::label)
                .containsExactly(
                        "Interpersonal Communication in French",
                        "Critical Thinking in French",
                        "Collect and Analyze Data in French",
                        "Oral and Written Communication in French",
                        "Multicultural/Diversity Competencies in French");
        ComponentRule interpersonal = skills.rules().getFirst().rules().getFirst();
        assertThat(interpersonal.label()).isEqualTo("Interpersonal Communication in French: Requires 4 of 5 items.");
        assertThat(interpersonal.requiredNumber()).isEqualTo(4);
        ComponentRule twoOfFour = interpersonal.rules().getFirst();
        assertThat(twoOfFour.label()).isEqualTo("French 2040/2050: Requires 2 of 4 items.");
        assertThat(twoOfFour.requiredNumber()).isEqualTo(2);
        assertThat(twoOfFour.credentialIds())
                .extracting(titles::get)
                .containsExactly(
                        "In Class Oral Participation (FREN 2050)",
                        "In Class Oral Presentation (FREN 2050)",
                        "Guided Writing (FREN 2040)",
                        "In Class Oral Participation (FREN 2040)");
        assertThat(flatten(root).filter(r -> r.label().endsWith("Requires 2 of 4 items.")))
                .allSatisfy(r -> assertThat(r.requiredNumber()).isEqualTo(2))
                .hasSize(6); // every "Requires 2 of 4 items." condition of the file
    }

    @Test
    void givesPathwayBadgesTheirBadgrBadgeAsActivityAndADescriptionWhenTheyHaveNone() {
        ImportBatch batch = read(UNT, "University of North Texas");

        CredentialDraft guided = batch.credentials().stream()
                .map(ImportedCredential::draft)
                .filter(d -> d.title().equals("Guided Writing (FREN 2040)"))
                .findFirst()
                .orElseThrow();
        assertThat(guided.assignments()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Earn Guided Writing (FREN 2040)");
            assertThat(a.activityId()).isEqualTo("https://api.badgr.io/public/badges/xduIuo8VSmeU7X9R3eCy3A");
        });
        CredentialDraft critical = batch.credentials().stream()
                .map(ImportedCredential::draft)
                .filter(d -> d.title().equals("Critical Thinking in French"))
                .findFirst()
                .orElseThrow();
        assertThat(critical.description())
                .isEqualTo("Credential of the pathway 'French B.A. Marketable Skills': Critical Thinking in French.");
        assertThat(batch.providers())
                .singleElement()
                .satisfies(p -> assertThat(p.provider().name()).isEqualTo("University of North Texas"));
    }

    @Test
    void importsTheCompTiaPathwayAsAChainOfEightCertifications() {
        ImportBatch batch = Samples.read(COMPTIA);
        Map<String, String> titles = titles(batch);

        assertThat(batch.credentials()).hasSize(9);
        CredentialDraft stack = stack(batch);
        assertThat(stack.title()).isEqualTo("IT Networking Specialist Pathway");
        assertThat(stack.providerId()).isEqualTo("ce-186fbc60-47e3-4616-b160-72cac9e78f54");
        assertThat(stack.category()).isEqualTo(Category.TECHNICAL);
        ComponentRule rule = stack.stackRule();
        assertThat(rule.allCredentialIds().map(titles::get).map(String::strip))
                .containsExactly(
                        "CompTIA Cloud+",
                        "CompTIA Server+",
                        "CompTIA Linux+",
                        "CompTIA Cloud Essentials+",
                        "CompTIA Project+",
                        "CompTIA Security+",
                        "CompTIA Network+",
                        "CompTIA A+");
        List<ComponentRule> chain = flatten(rule).toList();
        assertThat(chain)
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.requiredNumber()).isEqualTo(2));
        assertThat(chain.getLast().credentialIds())
                .extracting(titles::get)
                .containsExactly("CompTIA Network+", "CompTIA A+");
        assertThat(batch.credentials().subList(0, 8))
                .allSatisfy(c -> assertThat(c.draft().assignments())
                        .singleElement()
                        .satisfies(a -> assertThat(a.activityId())
                                .isEqualTo("https://credentialengineregistry.org/resources/" + c.sourceKey())));
    }

    @Test
    void rejectsAConditionAskingForMoreComponentsThanItNames() {
        String pathway = """
                [{"@type": "ceterms:Pathway", "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000001",
                  "ceterms:name": "P", "ceterms:description": "P.",
                  "ceterms:offeredBy": "https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-0000000000ff",
                  "ceterms:hasDestinationComponent": "https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-000000000002"},
                 {"@type": "ceterms:BasicComponent", "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000002",
                  "ceterms:name": "Top", "ceterms:hasCondition": [{"@type": "ceterms:ComponentCondition",
                  "ceterms:requiredNumber": 3, "ceterms:targetComponent": [
                  "https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-000000000003"]}]},
                 {"@type": "ceterms:CredentialComponent", "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000003",
                  "ceterms:name": "Badge", "ceterms:credentialType": "ceterms:DigitalBadge"}]
                """;

        assertThatThrownBy(() ->
                        new ImportDocuments().read(pathway.getBytes(StandardCharsets.UTF_8), ImportOptions.DETECT))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.problems())
                                .singleElement()
                                .satisfies(p -> {
                                    assertThat(p.pointer())
                                            .isEqualTo("/1/ceterms:hasCondition/0/ceterms:requiredNumber");
                                    assertThat(p.message()).contains("requiredNumber 3 is not between 1 and 1");
                                }));
    }

    @Test
    void importsABasicComponentWithoutConditionsAsAMicroCredentialTheRuleCanName() {
        String pathway = """
                [{"@type": "ceterms:Pathway", "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000001",
                  "ceterms:name": "P", "ceterms:description": "P.",
                  "ceterms:hasDestinationComponent": "ce-00000000-0000-4000-8000-000000000002"},
                 {"@type": "ceterms:BasicComponent", "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000002",
                  "ceterms:name": "Top", "ceterms:hasCondition": [{"@type": "ceterms:ComponentCondition",
                  "ceterms:requiredNumber": 1, "ceterms:targetComponent": [
                  "ce-00000000-0000-4000-8000-000000000003", "ce-00000000-0000-4000-8000-000000000099"]}]},
                 {"@type": "ceterms:AssessmentComponent", "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000003",
                  "ceterms:name": "Exam"}]
                """;

        ImportBatch batch = new ImportDocuments()
                .read(pathway.getBytes(StandardCharsets.UTF_8), ImportOptions.DETECT.withProvider("Org"));

        assertThat(batch.credentials()).extracting(c -> c.draft().title()).containsExactly("Exam", "P");
        assertThat(batch.credentials().getFirst().draft().assignments())
                .singleElement()
                .satisfies(a -> assertThat(a.title()).isEqualTo("Pass Exam"));
        assertThat(stack(batch).stackRule().credentialIds()) // an unknown target stays a key to an earlier import
                .containsExactly("ce-00000000-0000-4000-8000-000000000003", "ce-00000000-0000-4000-8000-000000000099");
        assertThat(batch.credentials().stream()
                        .map(ImportedCredential::sourceKey)
                        .collect(Collectors.toList()))
                .doesNotContain("ce-00000000-0000-4000-8000-000000000002");
    }
}
