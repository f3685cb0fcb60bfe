package org.credstack.badge.issuing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.status.StatusListEntry;
import org.credstack.events.catalog.CredentialSnapshot;
import org.credstack.events.catalog.CredentialSnapshot.Alignment;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.events.catalog.CredentialSnapshot.CompletionRule;
import org.credstack.events.catalog.CredentialSnapshot.ProviderSnapshot;
import org.credstack.events.catalog.MoveOn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenBadgeCredentialsTest {

    static final String SALT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    static final String ISSUER = "https://badges.example.org/issuers/prov-1";
    static final String STATUS_LIST = "https://badges.example.org/status-lists/prov-1/0";

    static CredentialSnapshot snapshot(String validityPeriod) {
        return new CredentialSnapshot(
                "cred-42",
                3,
                "PUBLISHED",
                null,
                "Cloud Security Fundamentals",
                "Secures workloads on a public cloud.",
                "MICRO_CREDENTIAL",
                "TECHNICAL",
                new ProviderSnapshot(
                        "prov-1",
                        "Example Academy",
                        "https://academy.example.org",
                        "badges@example.org",
                        "Europe/Berlin"),
                List.of("IAM", "Encryption"),
                List.of(
                        new Alignment(
                                "O*NET-SOC",
                                "2019",
                                "15-1212.00",
                                "https://www.onetonline.org/link/summary/15-1212.00",
                                "Information Security Analysts"),
                        new Alignment("SFIA", "8", "SCTY", null, "Information security")),
                List.of("ONLINE"),
                "Beginner",
                "PT40H",
                null,
                List.of(
                        new Assignment("a1", "Threat modelling lab", "https://x.example/a1", MoveOn.Completed, null),
                        new Assignment("a2", "Final quiz", "https://x.example/a2", MoveOn.Passed, 0.8)),
                new CompletionRule("ALL", null),
                validityPeriod,
                null,
                "https://academy.example.org/badges/cloud-sec.png",
                null,
                Instant.parse("2023-12-01T00:00:00Z"));
    }

    static Award award(String validityPeriod, Instant validUntil) {
        return new Award(
                "https://badges.example.org/credentials/6f1c2f0e-1111-4222-8333-944455556666",
                ISSUER,
                "https://badges.example.org/achievements/cred-42/versions/3",
                snapshot(validityPeriod),
                Instant.parse("2024-01-31T10:00:00Z"),
                validUntil,
                "ada.lovelace@example.org",
                SALT,
                new StatusListEntry("prov-1", 0, 94_567, STATUS_LIST));
    }

    @Test
    void carriesARevocationEntryOfABitstringStatusListThatTheSchemaAndContextsAccept() {
        ObjectNode unsigned = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")));
        JsonNode status = unsigned.get("credentialStatus");

        assertThat(status.get("id").asString()).isEqualTo(STATUS_LIST + "#94567");
        assertThat(status.get("type").asString()).isEqualTo("BitstringStatusListEntry");
        assertThat(status.get("statusPurpose").asString()).isEqualTo("revocation");
        assertThat(status.get("statusListIndex").isString()).isTrue();
        assertThat(status.get("statusListIndex").asString()).isEqualTo("94567");
        assertThat(status.get("statusListCredential").asString()).isEqualTo(STATUS_LIST);
        KeyPair keys = Ed25519Keys.fromSeed(new byte[32]);
        ObjectNode signed = new DataIntegritySigner(RdfCanonicalizer.offline())
                .sign(
                        unsigned,
                        ProofOptions.assertionMethod(ISSUER + "#key", Instant.parse("2024-01-31T10:00:00Z")),
                        keys.getPrivate());
        assertThat(OpenBadgeSchemaValidator.achievementCredential().validate(signed))
                .isEmpty();
        assertThat(RdfCanonicalizer.offline().canonicalize(unsigned))
                .as("every credentialStatus term is defined by the VC 2.0 context")
                .contains("<https://www.w3.org/ns/credentials/status#statusListIndex> \"94567\"")
                .contains("<https://www.w3.org/ns/credentials/status#statusListCredential> <" + STATUS_LIST + ">")
                .contains("<https://www.w3.org/ns/credentials/status#BitstringStatusListEntry>");
    }

    @Test
    void buildsAnOpenBadgeCredentialThatMeetsTheOb30Schema() {
        ObjectNode credential = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")));

        assertThat(OpenBadgeSchemaValidator.achievementCredential().validate(credential))
                .isEmpty();
        assertThat(texts(credential.get("@context")))
                .containsExactly(
                        "https://www.w3.org/ns/credentials/v2",
                        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(texts(credential.get("type"))).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(credential.get("validFrom").asString()).isEqualTo("2024-01-31T10:00:00Z");
        assertThat(credential.get("validUntil").asString()).isEqualTo("2024-02-29T10:00:00Z");
        assertThat(credential.get("awardedDate").asString()).isEqualTo("2024-01-31T10:00:00Z");
        assertThat(credential.get("name").asString()).isEqualTo("Cloud Security Fundamentals");
    }

    @Test
    void namesAStacksComponentsInTheNarrativeAndAsCredentialAlignmentsWithinTheOb30Schema() {
        Award plain = award("P1M", Instant.parse("2024-02-29T10:00:00Z"));
        Award stack = new Award(
                plain.credentialUrl(),
                plain.issuerId(),
                plain.achievementId(),
                plain.credential(),
                plain.validFrom(),
                plain.validUntil(),
                plain.recipientEmail(),
                plain.salt(),
                plain.status(),
                "Earned 2 component credentials of the pathway: Cloud Basics; Cloud Security.",
                List.of(
                        new ComponentAchievement(
                                "https://badges.example.org/achievements/basics/versions/1", "Cloud Basics", "basics"),
                        new ComponentAchievement(
                                "https://badges.example.org/achievements/sec/versions/2", "Cloud Security", "sec")));

        ObjectNode credential = OpenBadgeCredentials.unsigned(stack);
        JsonNode achievement = credential.get("credentialSubject").get("achievement");

        assertThat(OpenBadgeSchemaValidator.achievementCredential().validate(credential))
                .isEmpty();
        assertThat(achievement.at("/criteria/narrative").asString())
                .isEqualTo("Earned 2 component credentials of the pathway: Cloud Basics; Cloud Security.");
        List<JsonNode> components = achievement
                .get("alignment")
                .valueStream()
                .filter(a -> a.has("targetType"))
                .toList();
        assertThat(components).extracting(a -> a.get("targetType").asString()).containsOnly("ceterms:Credential");
        assertThat(components)
                .extracting(a -> a.get("targetUrl").asString())
                .containsExactly(
                        "https://badges.example.org/achievements/basics/versions/1",
                        "https://badges.example.org/achievements/sec/versions/2");
        assertThat(components)
                .extracting(a -> a.get("targetName").asString())
                .containsExactly("Cloud Basics", "Cloud Security");
        assertThat(components).extracting(a -> a.get("targetCode").asString()).containsExactly("basics", "sec");
    }

    @Test
    void namesTheProviderAsIssuerProfile() {
        JsonNode issuer = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")))
                .get("issuer");

        assertThat(issuer.get("id").asString()).isEqualTo(ISSUER);
        assertThat(texts(issuer.get("type"))).containsExactly("Profile");
        assertThat(issuer.get("name").asString()).isEqualTo("Example Academy");
        assertThat(issuer.get("url").asString()).isEqualTo("https://academy.example.org");
        assertThat(issuer.get("email").asString()).isEqualTo("badges@example.org");
    }

    @Test
    void identifiesTheRecipientByASaltedEmailHashOnly() {
        ObjectNode credential = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")));
        JsonNode identity =
                credential.get("credentialSubject").get("identifier").get(0);

        assertThat(identity.get("type").asString()).isEqualTo("IdentityObject");
        assertThat(identity.get("identityType").asString()).isEqualTo("emailAddress");
        assertThat(identity.get("hashed").asBoolean()).isTrue();
        assertThat(identity.get("salt").asString()).isEqualTo(SALT);
        assertThat(identity.get("identityHash").asString())
                .isEqualTo("sha256$2e3c28d88d284dba85a132c29575f76f7e3c93a6b6820bf8193a53ca9fd24e21");
        assertThat(credential.toString()).doesNotContain("ada.lovelace");
    }

    @Test
    void describesTheAchievementOfTheCompletedVersion() {
        JsonNode achievement = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")))
                .get("credentialSubject")
                .get("achievement");

        assertThat(achievement.get("id").asString())
                .isEqualTo("https://badges.example.org/achievements/cred-42/versions/3");
        assertThat(texts(achievement.get("type"))).containsExactly("Achievement");
        assertThat(achievement.get("achievementType").asString()).isEqualTo("MicroCredential");
        assertThat(achievement.get("description").asString()).isEqualTo("Secures workloads on a public cloud.");
        assertThat(achievement.get("criteria").get("narrative").asString())
                .isEqualTo("Completed all 2 assignments: Threat modelling lab; Final quiz.");
        assertThat(achievement.get("image").get("id").asString())
                .isEqualTo("https://academy.example.org/badges/cloud-sec.png");
        assertThat(achievement.get("image").get("type").asString()).isEqualTo("Image");
        assertThat(achievement.get("version").asString()).isEqualTo("3");
        assertThat(texts(achievement.get("tag"))).containsExactly("IAM", "Encryption");
    }

    @Test
    void mapsAlignmentsAndLeavesOutThoseWithoutTargetUrl() {
        JsonNode alignments = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")))
                .get("credentialSubject")
                .get("achievement")
                .get("alignment");

        assertThat(alignments.size()).isEqualTo(1);
        JsonNode alignment = alignments.get(0);
        assertThat(texts(alignment.get("type"))).containsExactly("Alignment");
        assertThat(alignment.get("targetName").asString()).isEqualTo("Information Security Analysts");
        assertThat(alignment.get("targetUrl").asString())
                .isEqualTo("https://www.onetonline.org/link/summary/15-1212.00");
        assertThat(alignment.get("targetCode").asString()).isEqualTo("15-1212.00");
        assertThat(alignment.get("targetFramework").asString()).isEqualTo("O*NET-SOC");
    }

    @Test
    void leavesOutValidUntilForACredentialThatNeverExpires() {
        ObjectNode credential = OpenBadgeCredentials.unsigned(award(null, null));

        assertThat(credential.has("validUntil")).isFalse();
        assertThat(OpenBadgeSchemaValidator.achievementCredential().validate(credential))
                .isEmpty();
    }

    @Test
    void describesAnAtLeastRuleInTheCriteria() {
        CredentialSnapshot base = snapshot("P1Y");
        CredentialSnapshot atLeast = new CredentialSnapshot(
                base.id(),
                base.version(),
                base.status(),
                base.ctid(),
                base.title(),
                base.description(),
                base.kind(),
                base.category(),
                base.provider(),
                base.skills(),
                base.alignments(),
                base.deliveryModes(),
                base.level(),
                base.estimatedDuration(),
                base.cost(),
                base.assignments(),
                new CompletionRule("AT_LEAST", 1),
                base.validityPeriod(),
                base.renewalPolicy(),
                base.image(),
                base.stackRule(),
                base.publishedAt());

        assertThat(OpenBadgeCredentials.narrative(atLeast))
                .isEqualTo("Completed at least 1 of 2 assignments: Threat modelling lab; Final quiz.");
    }

    @Test
    void signsWithEveryTermDefinedSoTheProofVerifies() {
        KeyPair keys = Ed25519Keys.fromSeed(
                HexFormat.of().parseHex("9b937b81322d816cfab9d5a3baacc9b2a5febe4b149f126b3630f93a29527017"));
        String method = ISSUER + "#" + Multikey.encode(keys.getPublic());
        RdfCanonicalizer canonicalizer = RdfCanonicalizer.offline();
        ObjectNode unsigned = OpenBadgeCredentials.unsigned(award("P1M", Instant.parse("2024-02-29T10:00:00Z")));

        ObjectNode signed = new DataIntegritySigner(canonicalizer)
                .sign(
                        unsigned,
                        ProofOptions.assertionMethod(method, Instant.parse("2024-01-31T10:00:05Z")),
                        keys.getPrivate());

        assertThat(new DataIntegrityVerifier(canonicalizer)
                        .verify(signed, keys.getPublic())
                        .verified())
                .isTrue();
        assertThat(OpenBadgeSchemaValidator.achievementCredential().validate(signed))
                .isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
