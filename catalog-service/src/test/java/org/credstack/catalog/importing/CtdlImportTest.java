package org.credstack.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import org.credstack.catalog.credential.Alignment;
import org.credstack.catalog.credential.Category;
import org.credstack.catalog.credential.CredentialDraft;
import org.credstack.catalog.credential.DeliveryMode;
import org.credstack.catalog.credential.ImportBatch;
import org.credstack.catalog.credential.Kind;
import org.credstack.events.catalog.MoveOn;
import org.junit.jupiter.api.Test;

class CtdlImportTest {

    private static CredentialDraft only(ImportBatch batch) {
        assertThat(batch.credentials()).hasSize(1);
        return batch.credentials().getFirst().draft();
    }

    @Test
    void readsTheSmallestProductionRecordWithAReferencedOwner() {
        ImportBatch batch = Samples.read("ctdl/uakron_physics-polymer_bachelor.json");

        CredentialDraft draft = only(batch);
        assertThat(batch.credentials().getFirst().sourceKey()).isEqualTo("ce-f1782b95-d234-4237-83e4-48b8c0f538d8");
        assertThat(draft.title()).isEqualTo("Physics - Polymer");
        assertThat(draft.description()).isEqualTo("Any instructional program in physics not listed above.");
        assertThat(draft.kind()).isEqualTo(Kind.MICRO_CREDENTIAL);
        assertThat(draft.category()).isEqualTo(Category.TECHNICAL);
        assertThat(draft.providerId()).isEqualTo("ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f");
        assertThat(batch.providers()).singleElement().satisfies(p -> {
            assertThat(p.sourceKey()).isEqualTo("ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f");
            assertThat(p.provider().name()).isEqualTo("CTDL organisation ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f");
        });
        assertThat(draft.assignments()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Earn Physics - Polymer");
            assertThat(a.activityId())
                    .isEqualTo(
                            "https://credentialengineregistry.org/resources/ce-f1782b95-d234-4237-83e4-48b8c0f538d8");
            assertThat(a.moveOn()).isEqualTo(MoveOn.Completed);
        });
    }

    @Test
    void namesAReferencedOwnerWithTheProviderTheCallerGives() {
        ImportBatch batch = Samples.read(
                "ctdl/uakron_physics-polymer_bachelor.json",
                ImportOptions.DETECT.withProvider("The University of Akron"));

        assertThat(batch.providers().getFirst().sourceKey()).isEqualTo("ce-48e2e1d2-6c6c-4a0a-b744-fe353eda416f");
        assertThat(batch.providers().getFirst().provider().name()).isEqualTo("The University of Akron");
    }

    @Test
    void readsCompTiaAPlusWithDurationLevelsAndAlignments() {
        CredentialDraft draft = only(Samples.read("ctdl/comptia-a-plus_certification.json"));

        assertThat(draft.title()).isEqualTo("CompTIA A+");
        assertThat(draft.ctid()).isEqualTo("ce-3877cdec-09b6-45df-814f-ede85c023858");
        assertThat(draft.estimatedDuration()).isEqualTo("PT180M");
        assertThat(draft.estimatedHours()).isEqualTo(3.0);
        assertThat(draft.level())
                .startsWith("Beginner Level, Intermediate Level")
                .contains("Professional Level");
        assertThat(draft.image()).isEqualTo("https://certification.comptia.org/UI/Assets/siteIcons/logoAPlus.svg");
        assertThat(draft.alignments())
                .extracting(Alignment::framework, Alignment::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Standard Occupational Classification", "15-1143.01"),
                        org.assertj.core.groups.Tuple.tuple("Standard Occupational Classification", "15-1151.00"),
                        org.assertj.core.groups.Tuple.tuple("Standard Occupational Classification", "15-1152.00"),
                        org.assertj.core.groups.Tuple.tuple("Standard Occupational Classification", "15-1199.00"),
                        org.assertj.core.groups.Tuple.tuple("NAICS", "519"),
                        org.assertj.core.groups.Tuple.tuple("NAICS", "541511"),
                        org.assertj.core.groups.Tuple.tuple("NAICS", "541512"));
        assertThat(draft.alignments().getFirst().label()).isEqualTo("Telecommunications Engineering Specialists");
        assertThat(draft.alignments().getFirst().targetUrl())
                .isEqualTo("https://www.onetonline.org/link/summary/15-1143.01");
        assertThat(draft.category()).isEqualTo(Category.TECHNICAL);
        assertThat(draft.renewalPolicy()).isNull();
        assertThat(draft.assignments())
                .singleElement()
                .extracting(a -> a.title())
                .isEqualTo("Earn CompTIA A+");
    }

    @Test
    void readsNoctiGraphWithRenewalUsDollarAndAnAssessmentToPass() {
        ImportBatch batch = Samples.read("ctdl/nocti-21st-century-skills_certification.graph.json");

        CredentialDraft draft = only(batch);
        assertThat(batch.credentials().getFirst().sourceKey()).isEqualTo("ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b");
        assertThat(draft.title()).isEqualTo("21st Century Skills for Workplace Success");
        // the owner is referenced with an upper-case CTID; the embedded organisations only approve/recognise it
        assertThat(draft.providerId()).isEqualTo("ce-6a62b250-a1a2-4d31-a702-cdc2437efd31");
        assertThat(batch.providers()).hasSize(1);
        assertThat(draft.skills()).contains("Employability Skills", "Workplace Literacy");
        assertThat(draft.alignments()).singleElement().satisfies(a -> {
            assertThat(a.framework()).isEqualTo("Classification of Instructional Programs");
            assertThat(a.code()).isEqualTo("35.0103");
            assertThat(a.label()).isEqualTo("Business and Social Skills");
        });
        assertThat(draft.category()).isEqualTo(Category.SOFT_SKILL);
        // both requires profiles target the same assessment: one assignment, passed, upper-case CTID normalised
        assertThat(draft.assignments()).singleElement().satisfies(a -> {
            assertThat(a.moveOn()).isEqualTo(MoveOn.Passed);
            assertThat(a.activityId())
                    .isEqualTo(
                            "https://credentialengineregistry.org/resources/ce-a81e3b16-f583-40da-a186-c568559ad7e5");
        });
        assertThat(draft.renewalPolicy()).isNotNull();
        assertThat(draft.renewalPolicy().description()).contains("complete this assessment and meet or exceed");
        assertThat(draft.renewalPolicy().renewalWindow()).isNull();
        assertThat(draft.renewalPolicy().requirements())
                .singleElement()
                .satisfies(r -> assertThat(r.moveOn()).isEqualTo(MoveOn.Passed));
        assertThat(draft.cost()).isNull(); // its cost profiles carry "US Dollar" but no price
    }

    @Test
    void readsNbcotWithUpperCaseCtidPlainStringsRenewalAndStatedValidity() {
        ImportBatch batch = Samples.read(
                "ctdl/nbcot-cota_certification.2017-import.json",
                ImportOptions.DETECT.withProvider("National Board for Certification in Occupational Therapy"));

        CredentialDraft draft = only(batch);
        assertThat(batch.credentials().getFirst().sourceKey()).isEqualTo("ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47");
        assertThat(draft.ctid()).isEqualTo("ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47");
        assertThat(draft.title()).isEqualTo("Certified Occupational Therapy Assistant (COTA®)");
        assertThat(draft.estimatedDuration()).isEqualTo("P2Y");
        assertThat(draft.level()).isEqualTo("Associates Degree Level");
        assertThat(draft.alignments())
                .extracting(Alignment::code)
                .containsExactly("29-1122.00", "31-2011.00", "621340");
        assertThat(draft.category()).isEqualTo(Category.INDUSTRY_SPECIFIC);
        assertThat(draft.validityPeriod()).isEqualTo(Period.ofYears(3));
        assertThat(draft.renewalPolicy().description()).contains("36 units");
        assertThat(draft.assignments())
                .extracting(a -> a.title())
                .containsExactly(
                        "Certified Occupational Therapy Assistant", "Certified Occupational Therapy Assistant (COTA)®");
        assertThat(draft.assignments().getFirst().activityId())
                .isEqualTo(
                        "http://lr-staging.learningtapestry.com/resources/ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47#requires-1");
        assertThat(batch.providers().getFirst().provider().name())
                .isEqualTo("National Board for Certification in Occupational Therapy");
    }

    @Test
    void rejectsARecordThatNamesNoOrganisationUnlessTheCallerNamesTheProvider() {
        assertThatThrownBy(() -> Samples.read("ctdl/nbcot-cota_certification.2017-import.json"))
                .isInstanceOfSatisfying(
                        ImportRejected.class,
                        rejected -> assertThat(rejected.problems())
                                .singleElement()
                                .satisfies(p -> {
                                    assertThat(p.pointer()).isEqualTo("/ceterms:ownedBy");
                                    assertThat(p.message()).contains("names no owning or offering organisation");
                                }));
    }

    @Test
    void readsTheIuSouthBendSandboxGraphThatStartsWithAByteOrderMark() {
        byte[] bytes = Samples.bytes("ctdl/iu-south-bend_bsn_bachelor.sandbox.graph.json");
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");

        CredentialDraft draft = only(Samples.read("ctdl/iu-south-bend_bsn_bachelor.sandbox.graph.json"));

        assertThat(draft.title()).isEqualTo("B.S. in Nursing (Pre-Licensure)");
        assertThat(draft.cost().amount()).isEqualByComparingTo(new BigDecimal("3533.68"));
        assertThat(draft.cost().currency()).isEqualTo("USD"); // "US Dollar"
        assertThat(draft.deliveryModes()).containsExactlyInAnyOrder(DeliveryMode.IN_PERSON, DeliveryMode.ONLINE);
        assertThat(draft.alignments()).extracting(Alignment::code).contains("29-1141.00", "51.3801");
        assertThat(draft.category()).isEqualTo(Category.INDUSTRY_SPECIFIC);
        assertThat(draft.assignments())
                .extracting(a -> a.title())
                .containsExactly(
                        "B.S. in Nursing (Pre-Licensure)",
                        "B.S. in Nursing (Pre-Licensure) Required competencies",
                        "Credit Hours");
        assertThat(draft.image()).isEqualTo("https://assets.iu.edu/brand/2.x/trident-large.png");
    }

    @Test
    void readsCoffeyvilleAssociateDegreeWithATwoYearDuration() {
        CredentialDraft draft = only(Samples.read("ctdl/coffeyville-cc_medical-lab-tech_aas.sandbox.graph.json"));

        assertThat(draft.title()).isEqualTo("MEDICAL LABORATORY TECHNOLOGY - ASSOCIATE OF APPLIED SCIENCE");
        assertThat(draft.estimatedDuration()).isEqualTo("P2Y");
        assertThat(draft.providerId()).isEqualTo("ce-3382bacb-2f29-4037-874e-9a53e2398661");
        assertThat(draft.category()).isEqualTo(Category.INDUSTRY_SPECIFIC);
    }

    @Test
    void normalisesUrnAndUpperCaseCtids() {
        String record = """
                {"@type": "ceterms:DigitalBadge", "ceterms:ctid": "urn:ctid:CE-0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
                 "ceterms:name": {"en": "Badge"}, "ceterms:description": "A badge.",
                 "ceterms:offeredBy": ["urn:ctid:CE-11111111-2222-4333-8444-555555555555"]}
                """;

        ImportBatch batch = new ImportDocuments().read(record.getBytes(StandardCharsets.UTF_8), ImportOptions.DETECT);

        assertThat(batch.credentials().getFirst().sourceKey()).isEqualTo("ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(batch.credentials().getFirst().draft().ctid()).isEqualTo("ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assertThat(batch.providers().getFirst().sourceKey()).isEqualTo("ce-11111111-2222-4333-8444-555555555555");
    }

    @Test
    void namesTheFieldOfAnUnknownCurrencyAndOfARecordBreakingACatalogRule() {
        String record = """
                {"@type": "ceterms:Certificate", "@id": "https://example.org/ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                 "ceterms:name": "Certificate", "ceterms:ownedBy": {"@type": "ceterms:CredentialOrganization",
                 "ceterms:name": "Org"},
                 "ceterms:estimatedDuration": [{"ceterms:exactDuration": "two years"}],
                 "ceterms:estimatedCost": [{"ceterms:price": 10, "ceterms:currency": "Galactic Credit"}]}
                """;

        assertThatThrownBy(() -> new ImportDocuments()
                        .read(record.getBytes(StandardCharsets.UTF_8), ImportOptions.source("cert.json")))
                .isInstanceOfSatisfying(ImportRejected.class, rejected -> {
                    assertThat(rejected.source()).isEqualTo("cert.json");
                    assertThat(rejected.problems())
                            .extracting(ImportRejected.Problem::pointer)
                            .contains("/ceterms:estimatedCost/0/ceterms:currency");
                    assertThat(rejected.problems())
                            .extracting(ImportRejected.Problem::field)
                            .contains("credentials[ce-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d].description");
                });
    }

    @Test
    void mapsCurrencyCodesNamesAndSymbols() {
        assertThat(Currencies.iso("US Dollar")).isEqualTo("USD");
        assertThat(Currencies.iso("usd")).isEqualTo("USD");
        assertThat(Currencies.iso("$")).isEqualTo("USD");
        assertThat(Currencies.iso("Euro")).isEqualTo("EUR");
        assertThat(Currencies.iso("£")).isEqualTo("GBP");
        assertThat(Currencies.iso("British Pound")).isEqualTo("GBP");
        assertThat(Currencies.iso("Galactic Credit")).isNull();
    }

    @Test
    void readsTheSameDocumentIntoEqualBatches() {
        for (String file : new String[] {
            "ctdl/nocti-21st-century-skills_certification.graph.json",
            "ctdl/iu-south-bend_bsn_bachelor.sandbox.graph.json",
            "ctdl/usu-empowering-teaching-excellence_badge-pathway.json"
        }) {
            ImportOptions options = ImportOptions.source(file).withProvider("Provider");
            assertThat(Samples.read(file, options)).as(file).isEqualTo(Samples.read(file, options));
        }
    }
}
