package org.credstack.enrollment.problem;

import java.util.Objects;

/**
 * A request the domain refuses, naming the field it is about. {@link ApiProblems} answers it as an RFC 9457
 * {@code application/problem+json} document: {@link Reason#NOT_FOUND} as 404, {@link Reason#CONFLICT} as 409,
 * {@link Reason#INVALID} as 400, {@link Reason#UNAUTHENTICATED} as 401, {@link Reason#FORBIDDEN} as 403, each with one {@code errors} entry naming the field (a {@code pointer} when the field
 * is an RFC 6901 JSON Pointer such as {@code /id}).
 *
 * <p>Features subclass it with a name that states the failed fact ({@code CredentialRetired}), so the domain never
 * speaks HTTP.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of refusal this is. */
    public enum Reason {
        /** The thing named by the field does not exist. */
        NOT_FOUND,
        /** The request contradicts the current state. */
        CONFLICT,
        /** The field's value breaks a rule. */
        INVALID,
        /** The request does not prove who sent it (a webhook signature that does not verify). */
        UNAUTHENTICATED,
        /** The sender is known but may not do this (a provider reporting on another provider's activity). */
        FORBIDDEN
    }

    private final Reason reason;
    private final String field;

    /**
     * @param reason the kind of refusal
     * @param field the request field (or path variable) it is about, e.g. {@code credentialId}, {@code emails[1]}
     * @param message what is wrong, in words; becomes the problem's {@code detail}
     */
    protected DomainException(Reason reason, String field, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The kind of refusal. */
    public Reason reason() {
        return reason;
    }

    /** The field it is about. */
    public String field() {
        return field;
    }
}
