package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.credstack.catalog.credential.TestDrafts.micro;
import static org.credstack.catalog.credential.TestDrafts.withTitle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.credstack.testsupport.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff of one provider acting on another provider's credentials (issue 8: "a second provider retired another's
 * credential with 200"): every write is refused with the 403 problem, the stored record stays as it was and
 * nothing reaches {@code catalog.credentials.v1}. The provider checked is the stored record's, and for new content
 * also the one the body names.
 */
class CrossProviderWritesIT extends CredentialIntegrationTest {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    String ours;
    String theirs;

    @BeforeEach
    void twoProviders() {
        token = TestTokens.operator();
        ours = newProvider("Ours " + run);
        theirs = newProvider("Theirs " + run);
    }

    @Test
    void aSecondProvidersStaffCannotRetireAnothersCredential() {
        String id = publishedWithItsEvent(micro("Retire me " + run, ours));
        Document before = stored(id);

        token = TestTokens.staff(theirs);
        Answer refused = post("/api/v1/credentials/" + id + "/retire", null);

        assertForbidden(refused);
        assertNothingChanged(id, before, 1);
        assertThat(get("/api/v1/credentials/" + id).body().get("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void aSecondProvidersStaffCannotReviseAnothersCredential() {
        String id = publishedWithItsEvent(micro("Revise me " + run, ours));
        Document before = stored(id);

        token = TestTokens.staff(theirs);
        Answer refused = post("/api/v1/credentials/" + id + "/revisions", micro("Taken over " + run, ours));

        assertForbidden(refused);
        assertNothingChanged(id, before, 1);
    }

    @Test
    void aSecondProvidersStaffCannotPublishOrEditAnothersDraft() {
        token = TestTokens.staff(ours);
        String id = newDraft(micro("Draft " + run, ours));
        Document before = stored(id);

        token = TestTokens.staff(theirs);
        Answer publish = post("/api/v1/credentials/" + id + "/publish", null);
        Answer edit = put("/api/v1/credentials/" + id, micro("Edited " + run, theirs));

        assertForbidden(publish);
        assertForbidden(edit);
        assertNothingChanged(id, before, 0);
    }

    @Test
    void staffCannotCreateADraftForAnotherProvider() {
        long credentials = storedCredentials();

        token = TestTokens.staff(ours);
        Answer refused = post("/api/v1/credentials", micro("Not ours " + run, theirs));

        assertForbidden(refused);
        assertThat(storedCredentials()).isEqualTo(credentials);
    }

    @Test
    void staffCannotMoveTheirDraftToAnotherProvider() {
        token = TestTokens.staff(ours);
        String id = newDraft(micro("Stay " + run, ours));
        Document before = stored(id);

        Answer refused = put("/api/v1/credentials/" + id, micro("Moved " + run, theirs));

        assertForbidden(refused);
        assertNothingChanged(id, before, 0);
    }

    @Test
    void theProvidersOwnStaffPublishReviseAndRetire() {
        token = TestTokens.staff(ours);
        String id = newDraft(micro("Own " + run, ours));

        assertThat(post("/api/v1/credentials/" + id + "/publish", null).status())
                .isEqualTo(200);
        assertThat(post("/api/v1/credentials/" + id + "/revisions", withTitle(micro("x", ours), "Own, 2nd " + run))
                        .status())
                .isEqualTo(201);
        assertThat(post("/api/v1/credentials/" + id + "/retire", null)
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("RETIRED");
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogEvents(id).size() == 3);
    }

    @Test
    void aLearnerIsRefusedBeforeTheRecordIsRead() {
        token = TestTokens.learner("learner-" + run);

        assertForbidden(post("/api/v1/credentials/none-" + run + "/retire", null));
        assertForbidden(post("/api/v1/credentials", "{}"));
    }

    @Test
    void withoutATokenAWriteIs401() {
        String id = publishedWithItsEvent(micro("Anonymous " + run, ours));
        Document before = stored(id);

        token = null;
        Answer refused = post("/api/v1/credentials/" + id + "/retire", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("type").asString()).isEqualTo("urn:credstack:problem:unauthorized");
        assertNothingChanged(id, before, 1);
    }

    @Test
    void staffCannotImportIntoAnotherProvidersCredentialOrCreateAProvider() {
        String other = "https://badges.example.org/other-" + run;
        String mine = "https://badges.example.org/mine-" + run;
        String otherBadge = achievement(other, other + "/achievements/shared");
        assertThat(importAs(TestTokens.operator(), otherBadge).status()).isEqualTo(200);
        Answer mineImported = importAs(TestTokens.operator(), achievement(mine, mine + "/achievements/first"));
        String myProvider = providerOf(mineImported);
        String theirCredential = importAs(TestTokens.operator(), otherBadge)
                .body()
                .get("credentials")
                .get(0)
                .get("credentialId")
                .asString();
        Document before = stored(theirCredential);
        long credentials = storedCredentials();
        long providers = mongo.getCollection("providers").countDocuments();

        // the same achievement id under my issuer would revise (and move) their credential
        Answer takeover = importAs(TestTokens.staff(myProvider), achievement(mine, other + "/achievements/shared"));
        // a document naming an issuer the catalog does not know yet would create a provider: operators only
        String unknown = "https://badges.example.org/unknown-" + run;
        Answer newProvider =
                importAs(TestTokens.staff(myProvider), achievement(unknown, unknown + "/achievements/first"));

        assertForbidden(takeover);
        assertForbidden(newProvider);
        assertThat(stored(theirCredential)).isEqualTo(before);
        assertThat(storedCredentials()).isEqualTo(credentials);
        assertThat(mongo.getCollection("providers").countDocuments()).isEqualTo(providers);
        Answer own = importAs(TestTokens.staff(myProvider), achievement(mine, mine + "/achievements/second"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(providerOf(own)).isEqualTo(myProvider);
    }

    private String publishedWithItsEvent(CredentialDraft draft) {
        String id = published(draft);
        await().atMost(Duration.ofSeconds(20)).until(() -> catalogEvents(id).size() == 1);
        return id;
    }

    private Answer importAs(String caller, String document) {
        String previous = token;
        token = caller;
        try {
            return post(
                    "/api/v1/imports?format=openbadges", "application/json", document.getBytes(StandardCharsets.UTF_8));
        } finally {
            token = previous;
        }
    }

    private String providerOf(Answer imported) {
        String id =
                imported.body().get("credentials").get(0).get("credentialId").asString();
        return get("/api/v1/credentials/" + id)
                .body()
                .get("content")
                .get("providerId")
                .asString();
    }

    /** An Open Badges 3.0 Achievement with this id, created by the issuer Profile at {@code issuer}. */
    static String achievement(String issuer, String id) {
        return """
                {"@context": ["https://www.w3.org/ns/credentials/v2",
                              "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                 "id": "%2$s", "type": ["Achievement"],
                 "name": "Badge %2$s", "description": "A badge of %1$s",
                 "criteria": {"id": "%2$s/criteria", "narrative": "Take part"},
                 "creator": {"id": "%1$s/issuer", "type": ["Profile"], "name": "Issuer %1$s", "url": "%1$s"}}
                """.formatted(issuer, id);
    }

    private Document stored(String id) {
        return mongo.getCollection(CREDENTIALS).find(new Document("_id", id)).first();
    }

    private void assertNothingChanged(String id, Document before, int events) {
        assertThat(stored(id)).isEqualTo(before);
        assertThat(catalogEvents(id)).hasSize(events);
    }

    private static void assertForbidden(Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("urn:credstack:problem:forbidden");
    }
}
