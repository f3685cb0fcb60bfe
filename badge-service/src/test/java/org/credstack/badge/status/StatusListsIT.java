package org.credstack.badge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.credstack.badge.BadgeProperties;
import org.credstack.badge.TestClockConfig;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.testsupport.ServiceIntegrationTest;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Status list allocation and publication against the real store. */
@Import(TestClockConfig.class)
class StatusListsIT extends ServiceIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Issuers issuers;

    @Autowired
    DataIntegritySigner signer;

    @Autowired
    DataIntegrityVerifier proofs;

    @Autowired
    BadgeProperties properties;

    @Autowired
    StatusLists statusLists;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.set(TestClockConfig.START);
    }

    @Test
    void handsOutEveryEntryOnceUnderConcurrencyAndAfterARestartOpeningNewListsWhenFull() throws Exception {
        String providerId = "prov-" + UUID.randomUUID();
        StatusLists small = withEntriesPerList(50);
        List<Callable<List<StatusListEntry>>> allocators = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            allocators.add(() -> {
                List<StatusListEntry> got = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    got.add(small.allocate(providerId));
                }
                return got;
            });
        }
        List<StatusListEntry> entries = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<List<StatusListEntry>> done : pool.invokeAll(allocators)) {
                entries.addAll(done.get());
            }
        }

        Set<String> distinct = new HashSet<>();
        entries.forEach(e -> distinct.add(e.list() + "/" + e.index()));
        assertThat(distinct).as("no entry handed out twice").hasSize(200);
        for (int list = 0; list < 4; list++) {
            int n = list;
            assertThat(entries.stream().filter(e -> e.list() == n).map(StatusListEntry::index))
                    .as("list " + n + " filled with indexes 0..49")
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.IntStream.range(0, 50).boxed().toList());
        }
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.statusListCredential())
                        .isEqualTo(properties.url("/status-lists/" + providerId + "/" + e.list())));

        StatusListEntry afterRestart = withEntriesPerList(50).allocate(providerId); // nothing remembered in memory
        assertThat(afterRestart.list()).isEqualTo(4);
        assertThat(afterRestart.index()).isZero();
    }

    @Test
    void servesTheSignedListAndSignsItAgainOnlyWhenARevocationChangesIt() {
        String providerId = "prov-" + UUID.randomUUID();
        StatusListEntry first = statusLists.allocate(providerId);
        StatusListEntry second = statusLists.allocate(providerId);
        String url = baseUrl() + "/status-lists/" + providerId + "/0";

        ResponseEntity<String> served = http().get().uri(url).retrieve().toEntity(String.class);
        clock.set(TestClockConfig.START.plusSeconds(3600));
        String servedAgain = http().get().uri(url).retrieve().body(String.class);

        assertThat(served.getStatusCode().value()).isEqualTo(200);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/vc"));
        assertThat(servedAgain).as("not signed again while unchanged").isEqualTo(served.getBody());
        ObjectNode list = (ObjectNode) json.readTree(served.getBody());
        assertThat(list.get("id").asString()).isEqualTo(first.statusListCredential());
        assertThat(list.get("type").valueStream().map(JsonNode::asString))
                .containsExactly("VerifiableCredential", "BitstringStatusListCredential");
        assertThat(list.get("issuer").asString()).isEqualTo(issuers.issuerId(providerId));
        assertThat(list.at("/credentialSubject/type").asString()).isEqualTo("BitstringStatusList");
        assertThat(list.at("/credentialSubject/statusPurpose").asString()).isEqualTo("revocation");
        assertThat(list.at("/proof/cryptosuite").asString()).isEqualTo("eddsa-rdfc-2022");
        assertThat(proofs.verify(list, issuerKey(providerId)).verified()).isTrue();
        BitstringStatusList bits = BitstringStatusList.decode(
                list.at("/credentialSubject/encodedList").asString());
        assertThat(bits.length()).isEqualTo(131_072);
        assertThat(bits.isSet(first.index())).isFalse();

        statusLists.revoke(second);
        statusLists.revoke(second); // idempotent

        ObjectNode changed =
                (ObjectNode) json.readTree(http().get().uri(url).retrieve().body(String.class));
        assertThat(proofs.verify(changed, issuerKey(providerId)).verified()).isTrue();
        BitstringStatusList changedBits = BitstringStatusList.decode(
                changed.at("/credentialSubject/encodedList").asString());
        assertThat(changedBits.isSet(second.index())).isTrue();
        assertThat(changedBits.isSet(first.index())).isFalse();
        assertThat(statusLists.isRevoked(first.statusListCredential(), second.index()))
                .contains(true);
        assertThat(statusLists.isRevoked(first.statusListCredential(), first.index()))
                .contains(false);
        assertThat(statusLists.isRevoked(first.statusListCredential(), 2))
                .as("never allocated")
                .isEmpty();
        assertThat(statusLists.isRevoked("https://elsewhere.example/status/0", 0))
                .isEmpty();

        ResponseEntity<String> never = http().get()
                .uri(baseUrl() + "/status-lists/" + providerId + "/1")
                .retrieve()
                .toEntity(String.class);
        assertThat(never.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(never.getBody()).get("type").asString())
                .isEqualTo("urn:credstack:problem:status-list-not-found");
    }

    StatusLists withEntriesPerList(int entries) {
        return new StatusLists(mongo, issuers, signer, properties, json, clock, entries);
    }

    PublicKey issuerKey(String providerId) {
        return issuers.publicKey(issuers.find(providerId).orElseThrow().signingMethod())
                .orElseThrow();
    }

    RestClient http() {
        return RestClient.builder()
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }
}
