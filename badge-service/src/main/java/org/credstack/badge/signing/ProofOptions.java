package org.credstack.badge.signing;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The options of a Data Integrity proof to create (VC Data Integrity 1.0 §2.1): when it was
 * created, the verification method whose private key signs it, and the purpose it is for.
 *
 * @param created creation time; written as an XML Schema {@code dateTimeStamp} in UTC, truncated to
 *     whole seconds (e.g. {@code 2010-01-01T19:23:24Z})
 * @param verificationMethod absolute URL of the verification method, e.g. {@code
 *     https://example.edu/issuers/565049#z6MkjZRZ...} or a {@code did:key} URL
 * @param proofPurpose the proof purpose, {@code assertionMethod} for credentials
 * @throws IllegalArgumentException if the verification method is not an absolute URI or the
 *     purpose is blank
 */
public record ProofOptions(Instant created, String verificationMethod, String proofPurpose) {

    /** The proof purpose of an issuer asserting a credential. */
    public static final String ASSERTION_METHOD = "assertionMethod";

    public ProofOptions {
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
        Objects.requireNonNull(proofPurpose, "proofPurpose");
        created = created.truncatedTo(ChronoUnit.SECONDS);
        if (!URI.create(verificationMethod).isAbsolute()) {
            throw new IllegalArgumentException("verificationMethod must be an absolute URL: " + verificationMethod);
        }
        if (proofPurpose.isBlank()) {
            throw new IllegalArgumentException("proofPurpose must not be blank");
        }
    }

    /** Options for an issuer's proof on a credential ({@code proofPurpose = assertionMethod}). */
    public static ProofOptions assertionMethod(String verificationMethod, Instant created) {
        return new ProofOptions(created, verificationMethod, ASSERTION_METHOD);
    }
}
