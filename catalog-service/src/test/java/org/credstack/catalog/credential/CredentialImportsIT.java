package org.credstack.catalog.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.credstack.catalog.credential.TestDrafts.micro;
import static org.credstack.catalog.credential.TestDrafts.stack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.credstack.catalog.common.CatalogRuleViolation;
import org.credstack.catalog.credential.ImportBatch.ImportedCredential;
import org.credstack.catalog.credential.ImportBatch.ImportedProvider;
import org.credstack.catalog.credential.ImportResult.Change;
import org.credstack.catalog.credential.ImportResult.Outcome;
import org.credstack.catalog.provider.ProviderCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CredentialImportsIT extends CredentialIntegrationTest {

    @Autowired
    CredentialImports imports;

    @Autowired
    ProviderCatalog providers;

    /** These tests are about importing, not about who may: no caller check. */
    static final Consumer<ImportReach> ANYONE = reach -> {};

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String providerKey = "https://example.org/issuers/" + run;
    final String a = "ce-a-" + run;
    final String b = "ce-b-" + run;
    final String s = "ce-s-" + run;

    @Test
    void importingTheSameDocumentTwiceChangesNothingTheSecondTime() {
        ImportResult first = imports.importAll(batch("A"), ANYONE);
        assertThat(first.credentials()).extracting(Outcome::change).containsOnly(Change.CREATED);
        assertThat(first.credentials()).extracting(Outcome::version).containsOnly(1);
        List<String> ids =
                first.credentials().stream().map(Outcome::credentialId).toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsFor(ids) == 3 && nothingPending(ids));
        List<Object> lockVersions = lockVersions(ids);

        ImportResult second = imports.importAll(batch("A"), ANYONE);

        assertThat(second.credentials()).extracting(Outcome::change).containsOnly(Change.UNCHANGED);
        assertThat(second.credentials()).extracting(Outcome::credentialId).isEqualTo(ids);
        assertThat(lockVersions(ids)).isEqualTo(lockVersions);
        assertThat(eventsFor(ids)).isEqualTo(3);
        Credential stored = mongo.findById(ids.get(2), Credential.class);
        assertThat(stored.content().stackRule().credentialIds()).containsExactly(ids.get(0), ids.get(1));
        assertThat(stored.content().providerId())
                .isEqualTo(providers.idOf(providerKey).orElseThrow());
    }

    @Test
    void changedContentBecomesTheNextPublishedVersion() {
        String idOfA =
                imports.importAll(batch("A"), ANYONE).credentials().getFirst().credentialId();

        ImportResult again = imports.importAll(batch("A, revised"), ANYONE);

        assertThat(again.credentials())
                .extracting(Outcome::sourceKey, Outcome::change, Outcome::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(a, Change.REVISED, 2),
                        org.assertj.core.groups.Tuple.tuple(b, Change.UNCHANGED, 1),
                        org.assertj.core.groups.Tuple.tuple(s, Change.UNCHANGED, 1));
        assertThat(get("/api/v1/credentials/" + idOfA + "/versions/1")
                        .body()
                        .get("content")
                        .get("title")
                        .asString())
                .isEqualTo("A");
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> catalogEvents(idOfA).stream()
                                .map(r -> r.header("ce_type"))
                                .toList(),
                        types -> types.equals(List.of(
                                "org.credstack.catalog.CredentialPublished.v1",
                                "org.credstack.catalog.CredentialRevised.v1")));
    }

    @Test
    void rejectsTheWholeBatchNamingTheCredentialAndStoresNothing() {
        ImportBatch broken = new ImportBatch(
                "broken.json",
                List.of(new ImportedProvider(providerKey, TestDrafts.provider("Importer"))),
                List.of(
                        new ImportedCredential(a, micro("A", providerKey)),
                        new ImportedCredential(s, stack("S", providerKey, a, "ce-missing"))));

        assertThatThrownBy(() -> imports.importAll(broken, ANYONE))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("credentials[" + s + "].stackRule"));
        assertThat(mongo.getCollection(Credential.COLLECTION).countDocuments(new Document("sourceKey", a)))
                .isZero();
        assertThat(mongo.getCollection("providers").countDocuments(new Document("sourceKey", providerKey)))
                .isZero();
    }

    @Test
    void rejectsStacksThatContainEachOther() {
        ImportBatch cycle = new ImportBatch(
                "cycle.json",
                List.of(new ImportedProvider(providerKey, TestDrafts.provider("Importer"))),
                List.of(
                        new ImportedCredential(a, micro("A", providerKey)),
                        new ImportedCredential(b, stack("B", providerKey, a, s)),
                        new ImportedCredential(s, stack("S", providerKey, b))));

        assertThatThrownBy(() -> imports.importAll(cycle, ANYONE))
                .isInstanceOfSatisfying(
                        CatalogRuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("credentials[" + b + "].stackRule"));
        assertThat(mongo.getCollection(Credential.COLLECTION).countDocuments(new Document("sourceKey", a)))
                .isZero();
    }

    @Test
    void resolvesProviderAndComponentsImportedEarlier() {
        imports.importAll(batch("A"), ANYONE);
        String later = "ce-later-" + run;

        ImportResult result = imports.importAll(
                new ImportBatch(
                        "later.json",
                        List.of(),
                        List.of(new ImportedCredential(later, stack("Later", providerKey, a)))),
                ANYONE);

        assertThat(result.credentials()).extracting(Outcome::change).containsExactly(Change.CREATED);
        assertThat(get("/api/v1/credentials/" + result.credentials().getFirst().credentialId())
                        .body()
                        .get("status")
                        .asString())
                .isEqualTo("PUBLISHED");
    }

    private ImportBatch batch(String titleOfA) {
        return new ImportBatch(
                "catalog-" + run + ".json",
                List.of(new ImportedProvider(providerKey, TestDrafts.provider("Importer"))),
                List.of(
                        new ImportedCredential(a, micro(titleOfA, providerKey)),
                        new ImportedCredential(b, micro("B", providerKey)),
                        new ImportedCredential(s, stack("S", providerKey, a, b))));
    }

    private long eventsFor(List<String> ids) {
        return catalogEvents().stream().filter(r -> ids.contains(r.key())).count();
    }

    private boolean nothingPending(List<String> ids) {
        return mongo.getCollection(Credential.COLLECTION)
                        .countDocuments(new Document("_id", new Document("$in", ids))
                                .append("pendingEvents.0", new Document("$exists", true)))
                == 0;
    }

    private List<Object> lockVersions(List<String> ids) {
        return ids.stream()
                .map(id -> mongo.getCollection(Credential.COLLECTION)
                        .find(new Document("_id", id))
                        .first()
                        .get("version"))
                .toList();
    }
}
