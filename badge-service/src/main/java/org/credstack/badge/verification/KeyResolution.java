package org.credstack.badge.verification;

/**
 * What {@link VerificationMethods#resolve} found for a verification method id: the key, a reason it could not be
 * resolved (the proof is {@code unverifiable}: key not resolvable), or a reason it is refused (the proof is {@code
 * invalid}: the controller says the key is not its assertion key, or the id names no usable key).
 */
public sealed interface KeyResolution {

    /** @param key the verification method's key */
    record Found(VerificationKey key) implements KeyResolution {}

    /**
     * The key could not be obtained: the document could not be fetched (timeout, refused address, too large, not
     * found, breaker open), the method or key type is not supported.
     *
     * @param reason what happened, for the report
     */
    record Unresolvable(String reason) implements KeyResolution {}

    /**
     * The key was looked up and is refused: its controller document does not list it for {@code assertionMethod},
     * names another controller, or holds a private key; or the id itself is malformed.
     *
     * @param reason what is wrong, for the report
     */
    record Refused(String reason) implements KeyResolution {}
}
