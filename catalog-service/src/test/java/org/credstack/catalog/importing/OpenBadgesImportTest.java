package org.credstack.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.credstack.catalog.credential.Alignment;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.CredentialDraft;
import org.credstack.catalog.credential.ImportBatch;
import org.credstack.catalog.credential.Kind;
import org.credstack.catalog.importing.ImportRejected.Problem;
import org.credstack.catalog.importing.ImportRejected.Reason;
import org.credstack.events.catalog.MoveOn;
import org.junit.jupiter.api.Test;

class OpenBadgesImportTest {

    private static final String IOC = "badgeclasses/institute-of-coding/";
    private static final String IOC_ISSUER =
            IOC + "issuer_2bd1895a4223ce1d243130bb7e21b23ebd2f218448116048a138aacb2ebb7829.json";

    private static ImportBatch bundle(String... paths) {
        return new ImportDocuments().read(Samples.bundle(paths), ImportOptions.source(paths[0]));
    }

    private static CredentialDraft only(ImportBatch batch) {
        assertThat(batch.credentials()).hasSize(1);
        return batch.credentials().getFirst().draft();
    }

    private static List<String> instituteOfCodingBadges() {
        try (Stream<Path> files = Files.list(Path.of(OpenBadgesImportTest.class
                .getResource("/samples/catalog/" + IOC)
                .toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("issuer_"))
                    .sorted()
                    .map(name -> IOC + name)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsEveryInstituteOfCodingBadgeWithItsSfiaAlignment() {
        List<String> files = instituteOfCodingBadges();
        assertThat(files).hasSize(12);

        for (String file : files) {
            ImportBatch batch = Samples.read(file);
            CredentialDraft draft = only(batch);
            assertThat(batch.credentials().getFirst().sourceKey())
                    .as(file)
                    .isEqualTo("https://kmiopenblockchain.github.io/ioc-badging-skills/badges/"
                            + file.substring(IOC.length()));
            assertThat(batch.providers()).singleElement().satisfies(p -> {
                assertThat(p.provider().name()).isEqualTo("Institute of Coding");
                assertThat(p.provider().email()).isEqualTo("ioc@bath.ac.uk");
            });
            assertThat(draft.kind()).isEqualTo(Kind.MICRO_CREDENTIAL);
            assertThat(draft.assignments()).singleElement().satisfies(a -> {
                assertThat(a.title()).isEqualTo("Meet the criteria");
                assertThat(a.activityId())
                        .startsWith("https://kmiopenblockchain.github.io/ioc-badging-skills/criteria/");
                assertThat(a.moveOn()).isEqualTo(MoveOn.Completed);
            });
            draft.alignments().forEach(alignment -> {
                assertThat(alignment.framework()).isEqualTo("SFIA");
                assertThat(alignment.frameworkVersion()).isEqualTo("7");
                assertThat(draft.category()).isEqualTo(Category.TECHNICAL);
            });
        }
    }

    @Test
    void readsSystemsDesignKnowledgeAtLevelFive() {
        CredentialDraft draft =
                only(Samples.read(IOC + "00548f04133a4697abb05fabf7cc11fe03f9ee909f8e51ecaf5baab5afb1fe44.json"));

        assertThat(draft.title()).isEqualTo("Knowledge of Systems design at level 5");
        assertThat(draft.skills()).containsExactly("knowledge", "level5");
        assertThat(draft.image()).isEqualTo("http://ioc-dev.kmi.open.ac.uk/images/badges/DESN_5_K.png");
        assertThat(draft.alignments()).singleElement().satisfies(a -> {
            assertThat(a.code()).isEqualTo("DESN");
            assertThat(a.label()).isEqualTo("Systems design");
            assertThat(a.targetUrl()).startsWith("https://www.sfia-online.org/en/framework/sfia-7/");
        });
    }

    @Test
    void importsTheInstituteOfCodingIssuerDocumentWithABadge() {
        ImportBatch batch =
                bundle(IOC + "c15ec083ce59e43a9f56e687ae169dc029e6b0e404c8144ffc2dfbcea733d7a7.json", IOC_ISSUER);

        assertThat(only(batch).title()).isEqualTo("Competence in Information security at level 7");
        assertThat(batch.providers())
                .singleElement()
                .satisfies(p -> assertThat(p.sourceKey())
                        .isEqualTo("https://kmiopenblockchain.github.io/ioc-badging-skills/issuers/"
                                + "2bd1895a4223ce1d243130bb7e21b23ebd2f218448116048a138aacb2ebb7829.json"));
    }

    @Test
    void resolvesTheShaukatKhanumIssuerSentWithItsLifeSupportBadges() {
        ImportBatch batch = bundle(
                "badgeclasses/skmch/als.json",
                "badgeclasses/skmch/apls.json",
                "badgeclasses/skmch/bls.json",
                "badgeclasses/skmch/issuer.json");

        assertThat(batch.credentials())
                .extracting(c -> c.draft().title())
                .containsExactly(
                        "Advanced Cardiac Life Support Certification",
                        "Advanced Pediatric Life Support Certification",
                        "Basic Life Support Certification");
        assertThat(batch.providers()).singleElement().satisfies(p -> {
            assertThat(p.provider().name()).isEqualTo("Shaukat Khanum Memorial Cancer Hospital & Research Centre");
            assertThat(p.provider().url()).isEqualTo("https://shaukatkhanum.org.pk");
        });
        assertThat(batch.credentials())
                .allSatisfy(c -> assertThat(c.draft().category()).isEqualTo(Category.INDUSTRY_SPECIFIC));
        CredentialDraft bls = batch.credentials().get(2).draft();
        assertThat(bls.skills()).contains("CPR", "AED", "Healthcare");
        assertThat(bls.alignments()).singleElement().satisfies(a -> {
            assertThat(a.label()).isEqualTo("American Heart Association BLS Guidelines");
            assertThat(a.framework()).isEqualTo("cpr.heart.org"); // no targetFramework: the guideline site
        });
        assertThat(batch.credentials().get(1).draft().alignments()).hasSize(2);
        assertThat(bls.assignments())
                .singleElement()
                .satisfies(
                        a -> assertThat(a.activityId())
                                .isEqualTo(
                                        "https://raw.githubusercontent.com/Shaukat-Khanum-Memorial-Cancer-Hospital/badges/refs/heads/main/bls.json"));
    }

    @Test
    void readsABadgeWhoseIssuerIsOnlyAnIriWithWhatIsKnown() {
        ImportBatch batch = Samples.read("badgeclasses/skmch/als.json");

        assertThat(batch.providers()).singleElement().satisfies(p -> {
            assertThat(p.sourceKey())
                    .isEqualTo(
                            "https://raw.githubusercontent.com/Shaukat-Khanum-Memorial-Cancer-Hospital/badges/refs/heads/main/issuer.json");
            assertThat(p.provider().name()).isEqualTo("raw.githubusercontent.com");
        });
    }

    @Test
    void importsJacksonStateBadgeWithItsIssuerAndCriteriaUrl() {
        ImportBatch batch = bundle(
                "badgeclasses/jackson-state-univ/jsu-ai-literacy-badgeclass.json",
                "badgeclasses/jackson-state-univ/issuer.json");

        CredentialDraft draft = only(batch);
        assertThat(draft.title())
                .isEqualTo("AI Literacy Micro Credential: Foundations of Artificial Intelligence Literacy");
        assertThat(draft.category()).isEqualTo(Category.SOFT_SKILL);
        assertThat(draft.assignments().getFirst().activityId())
                .isEqualTo("https://www.jsums.edu/student-ai-microcredential-criteria/");
        assertThat(batch.providers().getFirst().provider().name()).isEqualTo("Jackson State University (Demo)");
    }

    @Test
    void importsAi4GoodBadgeWithItsEmbeddedIssuer() {
        ImportBatch batch = Samples.read("badgeclasses/ai4good-mx/advanced_ai_ml_techniques_in_python.json");

        CredentialDraft draft = only(batch);
        assertThat(draft.title()).isEqualTo("Completion of Advanced AI ML Techniques in Python");
        assertThat(draft.category()).isEqualTo(Category.TECHNICAL);
        assertThat(batch.providers()).singleElement().satisfies(p -> {
            assertThat(p.sourceKey()).isEqualTo("https://ai4goodmx.github.io/badges-ai4goodmx/issuer.json");
            assertThat(p.provider().name()).isEqualTo("AI4Good Mexico");
            assertThat(p.provider().email()).isEqualTo("info@ai4good.mx");
        });
        // criteria are a narrative only: the badge itself is the activity
        assertThat(draft.assignments().getFirst().activityId())
                .isEqualTo(
                        "https://ai4goodmx.github.io/badges-ai4goodmx/badges/advanced_ai_ml_techniques_in_python.json");
    }

    @Test
    void importsTheOpenBadges3Achievement() {
        ImportBatch batch = Samples.read("badgeclasses/cognipilot-ob3/gold-member-2026.json");

        CredentialDraft draft = only(batch);
        assertThat(batch.credentials().getFirst().sourceKey())
                .isEqualTo("https://credentials.cognipilot.org/achievements/gold-member-2026");
        assertThat(draft.title()).isEqualTo("CogniPilot Gold Member 2026");
        assertThat(draft.image()).isEqualTo("https://credentials.cognipilot.org/images/badges/GoldMember2026.svg");
        assertThat(draft.skills()).containsExactly("Supporter", "Gold", "2026");
        assertThat(batch.providers().getFirst().provider().name()).isEqualTo("CogniPilot Foundation");
    }

    @Test
    void importsSoftwareCarpentryOpenBadges1ClassesWithTheirIdlessIssuer() {
        ImportBatch batch = bundle(
                "badgeclasses/software-carpentry/instructor.json",
                "badgeclasses/software-carpentry/helper.json",
                "badgeclasses/software-carpentry/organizer.json",
                "badgeclasses/software-carpentry/creator.json",
                "badgeclasses/software-carpentry/issuer.json");

        assertThat(batch.credentials())
                .extracting(c -> c.draft().title())
                .containsExactly("Instructor", "Helper", "Organizer", "Creator");
        assertThat(batch.credentials())
                .allSatisfy(c -> assertThat(c.sourceKey()).matches("urn:sha256:[0-9a-f]{64}"));
        assertThat(batch.providers()).singleElement().satisfies(p -> {
            assertThat(p.sourceKey()).isEqualTo("http://software-carpentry.org");
            assertThat(p.provider().email()).isEqualTo("admin@software-carpentry.org");
        });
        assertThat(batch.credentials()
                        .getFirst()
                        .draft()
                        .assignments()
                        .getFirst()
                        .activityId())
                .isEqualTo("http://software-carpentry.org/badges/instructor.html");
        assertThat(batch.credentials().getFirst().draft().category()).isEqualTo(Category.SOFT_SKILL);
    }

    @Test
    void keysABadgeWithoutIdByItsContentSoReimportingFindsIt() {
        ImportBatch first = Samples.read("badgeclasses/software-carpentry/helper.json");
        ImportBatch again = Samples.read("badgeclasses/software-carpentry/helper.json");
        ImportBatch other = Samples.read("badgeclasses/software-carpentry/creator.json");

        assertThat(again).isEqualTo(first);
        assertThat(other.credentials().getFirst().sourceKey())
                .isNotEqualTo(first.credentials().getFirst().sourceKey());
    }

    @Test
    void importsFresnoPlagiarismBadgeWithItsIssuer() {
        ImportBatch batch =
                bundle("badgeclasses/fresno-state-library/plag1.json", "badgeclasses/fresno-state-library/issuer.json");

        CredentialDraft draft = only(batch);
        assertThat(draft.title()).isEqualTo("Preventing Plagiarism");
        assertThat(batch.providers().getFirst().provider().name()).isEqualTo("Fresno State Library");
    }

    @Test
    void rejectsTheFresnoScholarlyArticlesBadgeThatIsNotJson() {
        assertThatThrownBy(() -> Samples.read("badgeclasses/fresno-state-library/schol.json"))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.NOT_JSON);
                    assertThat(rejected.problems()).singleElement().satisfies(p -> {
                        assertThat(p.pointer()).isEmpty();
                        assertThat(p.message())
                                .as("where the parser stopped, without its own words")
                                .isEqualTo("not valid JSON at line 2, column 1");
                    });
                });
    }

    @Test
    void rejectsTheFresnoAiLiteracyBadgeWithoutImageAndWithAnotherFilesId() {
        assertThatThrownBy(() -> Samples.read("badgeclasses/fresno-state-library/aiLiteracy.json"))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.CONTENT);
                    assertThat(rejected.problems()).extracting(Problem::pointer).containsExactly("/image", "/id");
                    assertThat(rejected.problems().get(0).message()).contains("image is required");
                    assertThat(rejected.problems().get(1).message())
                            .contains("library-basics.json, not aiLiteracy.json");
                });
    }

    @Test
    void checksTheHostedIdOfABadgeSentWithItsIssuerToo() {
        String source = "badgeclasses/fresno-state-library/aiLiteracy.json";
        byte[] bundle = Samples.bundle(source, "badgeclasses/fresno-state-library/issuer.json");

        assertThatThrownBy(() -> new ImportDocuments().read(bundle, ImportOptions.source(source)))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> {
                    assertThat(rejected.problems()).extracting(Problem::pointer).containsExactly("/0/image", "/0/id");
                    assertThat(rejected.problems().get(1).message())
                            .contains("library-basics.json, not aiLiteracy.json");
                });
    }

    @Test
    void rejectsTheWholeBundleWhenOneBadgeIsBroken() {
        assertThatThrownBy(() -> bundle(
                        "badgeclasses/fresno-state-library/plag1.json",
                        "badgeclasses/fresno-state-library/aiLiteracy.json",
                        "badgeclasses/fresno-state-library/issuer.json"))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.problems())
                                .extracting(Problem::pointer)
                                .containsExactly("/1/image"));
    }

    @Test
    void appliesTheCategoryTheCallerGivesToEveryBadge() {
        ImportBatch batch = Samples.read(
                IOC + "00548f04133a4697abb05fabf7cc11fe03f9ee909f8e51ecaf5baab5afb1fe44.json",
                new ImportOptions(null, Category.SOFT_SKILL, null, null));

        assertThat(only(batch).category()).isEqualTo(Category.SOFT_SKILL);
    }

    @Test
    void rejectsAJsonDocumentThatIsNeitherFormat() {
        assertThatThrownBy(() -> new ImportDocuments().read("{\"hello\": 1}".getBytes(), ImportOptions.DETECT))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.problems())
                                .singleElement()
                                .extracting(Problem::message)
                                .asString()
                                .startsWith("neither CTDL JSON-LD nor Open Badges"));
    }

    @Test
    void keepsAlignmentFrameworkAndCodeApart() {
        Alignment sfia = only(Samples.read(
                        IOC + "c15ec083ce59e43a9f56e687ae169dc029e6b0e404c8144ffc2dfbcea733d7a7.json"))
                .alignments()
                .getFirst();

        assertThat(sfia.framework()).isEqualTo("SFIA");
        assertThat(sfia.frameworkVersion()).isEqualTo("7");
        assertThat(sfia.code()).isNotBlank();
    }
}
