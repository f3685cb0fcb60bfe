package org.credstack.badge.verification;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a check could not be made (its status is {@code unverifiable}): the credential may be genuine, but this
 * service cannot tell (offline, or without the remote document it needed). Serialised as the words below, in a check's {@code cause}.
 */
public enum Unverifiable {
    /**
     * The proof's verification method's key (a VC-JWT's {@code kid}) could not be obtained: its controller document
     * could not be fetched, or the method (or its key type) is not one {@link VerificationMethods} reads; or a VC-JWT
     * names no key at all.
     */
    KEY_NOT_RESOLVABLE("key not resolvable"),
    /** The credential names a JSON-LD context that is not bundled; contexts are never fetched. */
    CONTEXT_NOT_AVAILABLE_OFFLINE("context not available offline"),
    /** The proof's type or cryptosuite is not one this service checks. */
    UNSUPPORTED_CRYPTOSUITE("unsupported cryptosuite"),
    /** A VC-JWT's JOSE {@code alg} is an asymmetric algorithm this service does not check (OB 3.0 §8.2). */
    UNSUPPORTED_ALGORITHM("unsupported algorithm"),
    /**
     * A VC-JWT's key came in its own {@code jwk} header and nothing ties it to the credential's issuer.
     */
    KEY_NOT_BOUND_TO_ISSUER("key not bound to issuer"),
    /** The status list the credential names could not be fetched. */
    STATUS_LIST_UNREACHABLE("status list unreachable"),
    /** The status list was obtained but is itself not a valid, verifiable status list credential. */
    STATUS_LIST_INVALID("status list invalid"),
    /** No JSON Schema is bundled for this credential's shape (a VC 1.1 credential). */
    SCHEMA_NOT_AVAILABLE("schema not available"),
    /** The credential's {@code credentialStatus} is of a type or purpose this service does not read. */
    UNSUPPORTED_STATUS("unsupported status type");

    private final String words;

    Unverifiable(String words) {
        this.words = words;
    }

    @JsonValue
    String words() {
        return words;
    }
}
