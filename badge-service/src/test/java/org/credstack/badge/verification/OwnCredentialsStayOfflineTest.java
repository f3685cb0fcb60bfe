package org.credstack.badge.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Optional;
import org.credstack.badge.issuer.Issuers;
import org.credstack.badge.issuing.IssuedCredentials;
import org.credstack.badge.jsonld.RdfCanonicalizer;
import org.credstack.badge.schema.OpenBadgeSchemaValidator;
import org.credstack.badge.signing.DataIntegritySigner;
import org.credstack.badge.signing.DataIntegrityVerifier;
import org.credstack.badge.signing.Ed25519Keys;
import org.credstack.badge.signing.Multikey;
import org.credstack.badge.signing.ProofOptions;
import org.credstack.badge.status.StatusLists;
import org.credstack.testsupport.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * This service's own credentials are verified with its own keys and lists from the store: the production wiring
 * ({@link VerificationMethods}, {@link StatusListSource#fetchedFrom}) with a document source that fails the test if
 * it is ever asked.
 */
class OwnCredentialsStayOfflineTest {

    static final String OWN = "https://badges.credstack.example/";
    static final String LIST = OWN + "status-lists/p-1/0";

    final KeyPair key = Ed25519Keys.generate();
    final String issuer = OWN + "issuers/p-1";
    final String method = issuer + "#" + Multikey.encode(key.getPublic());
    final TestClock clock = new TestClock(Instant.parse("2026-12-07T12:00:00Z"));
    final DocumentSource network = url -> fail("fetched " + url + " for one of this service's own credentials");

    final Issuers issuers = mock(Issuers.class);
    final StatusLists ownLists = mock(StatusLists.class);
    final CredentialVerifier verifier;

    OwnCredentialsStayOfflineTest() {
        when(issuers.publicKey(any())).thenReturn(Optional.empty());
        when(issuers.publicKey(method)).thenReturn(Optional.of(key.getPublic()));
        when(ownLists.isRevoked(any(), anyInt())).thenReturn(Optional.empty());
        when(ownLists.isRevoked(LIST, 7)).thenReturn(Optional.of(false));
        IssuedCredentials issued = mock(IssuedCredentials.class);
        when(issued.revocation(any())).thenReturn(Optional.empty());
        verifier = new CredentialVerifier(
                new VerificationMethods(issuers, OWN, network),
                new DataIntegrityVerifier(RdfCanonicalizer.offline()),
                OpenBadgeSchemaValidator.achievementCredential(),
                ownLists,
                issued,
                StatusListSource.fetchedFrom(network, OWN),
                clock);
    }

    ObjectNode ownCredential(String statusPurpose) {
        ObjectNode credential = VerificationFixturesTest.read(ForeignCredentialsTest.GENUINE);
        credential.remove("proof");
        credential.put("issuer", issuer);
        ObjectNode status = credential.putObject("credentialStatus");
        status.put("id", LIST + "#7");
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", statusPurpose);
        status.put("statusListCredential", LIST);
        status.put("statusListIndex", "7");
        return new DataIntegritySigner(RdfCanonicalizer.offline())
                .sign(credential, ProofOptions.assertionMethod(method, clock.instant()), key.getPrivate());
    }

    @Test
    void verifiesAnOwnCredentialWithoutAnyFetch() {
        VerificationReport report = verifier.verify(ownCredential("revocation"));

        assertThat(report.checks().proof().status()).isEqualTo("valid");
        assertThat(report.checks().credentialStatus().status()).isEqualTo("valid");
        assertThat(report.status()).isEqualTo("verified");
    }

    @Test
    void anOwnListTheStoreDoesNotKnowIsNotFetchedEither() {
        VerificationReport report = verifier.verify(ownCredential("suspension"));

        assertThat(report.checks().credentialStatus().status()).isEqualTo("unverifiable");
        assertThat(report.checks().credentialStatus().detail()).contains("never fetched");
    }
}
