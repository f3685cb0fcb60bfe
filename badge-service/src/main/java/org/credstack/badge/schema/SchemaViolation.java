package org.credstack.badge.schema;

/**
 * One way a credential breaks its JSON Schema.
 *
 * @param instanceLocation JSON Pointer of the offending value, e.g. {@code /issuer} or {@code
 *     /credentialSubject/achievement}; empty for the whole credential
 * @param keyword the schema keyword that failed, e.g. {@code required}, {@code type}
 * @param message a readable explanation naming the field
 */
public record SchemaViolation(String instanceLocation, String keyword, String message) {}
