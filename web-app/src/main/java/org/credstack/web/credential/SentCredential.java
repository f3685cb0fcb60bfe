package org.credstack.web.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.credstack.web.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/**
 * A credential someone brought to {@code /verify}, pasted or uploaded, in the form badge-service is to be sent it
 * (docs/verification.md, "What you can send"). The form is told apart by content, as badge-service tells an upload
 * apart: the PNG signature, then text starting with {@code <} (a baked SVG), {@code {} or {@code "} (JSON), else a
 * VC-JWT (compact JWS). What the text holds is badge-service's to judge (its 400 {@code not-a-credential}).
 *
 * @param field the form field it came in, {@code credential} (pasted) or {@code file} (uploaded)
 * @param form how badge-service is sent it
 * @param body the bytes sent: an image as uploaded, text stripped of surrounding white space and a byte order mark
 */
record SentCredential(String field, Form form, byte[] body) {

    /** The pasted text's field. */
    static final String PASTED = "credential";

    /** The upload's field. */
    static final String UPLOADED = "file";

    /**
     * The largest credential sent, in bytes: badge-service's request limit ({@code credstack.runtime.max-request-size},
     * 1 MB). The app's own multipart limit is higher (application.yml), so a larger file reaches this check and is
     * named.
     */
    static final int MAX_BYTES = 1024 * 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** How badge-service is sent a credential: its {@code Content-Type}. */
    enum Form {
        /** A credential object, a JSON string holding a VC-JWT, or an {@code EnvelopedVerifiableCredential}. */
        JSON("application/json"),
        /** A VC-JWT, OB 3.0 §8.2. */
        VC_JWT("application/vc+jwt"),
        /** A baked PNG, OB 3.0 §5.3.1. */
        PNG("image/png"),
        /** A baked SVG, OB 3.0 §5.3.2. */
        SVG("image/svg+xml");

        private final String mediaType;

        Form(String mediaType) {
            this.mediaType = mediaType;
        }

        /** The {@code Content-Type} badge-service takes this form as. */
        String mediaType() {
            return mediaType;
        }
    }

    /**
     * What the form brought: the pasted text or the uploaded file, exactly one of them.
     *
     * @param pasted the text area's content, {@code ""} when left empty
     * @param file the upload, {@code null} or without a name and bytes when none was chosen
     * @throws InvalidInput naming {@code credential} when nothing (or both) was given or the text is over {@link
     *     #MAX_BYTES}; naming {@code file} when the file is empty, over {@link #MAX_BYTES}, or neither a PNG nor text
     */
    static SentCredential of(String pasted, MultipartFile file) {
        boolean hasText = pasted != null && !pasted.isBlank();
        boolean hasFile = file != null
                && (file.getSize() > 0
                        || (file.getOriginalFilename() != null
                                && !file.getOriginalFilename().isBlank()));
        if (hasText && hasFile) {
            throw new InvalidInput(PASTED, "and file are both given: paste a credential or upload a file, not both");
        }
        if (hasFile) {
            return uploaded(file);
        }
        if (!hasText) {
            throw new InvalidInput(PASTED, "is empty: paste a credential (JSON or VC-JWT) or upload a file");
        }
        byte[] text = pasted.getBytes(StandardCharsets.UTF_8);
        requireAtMostOneMegabyte(PASTED, text.length);
        return ofText(PASTED, pasted);
    }

    private static SentCredential uploaded(MultipartFile file) {
        if (file.isEmpty()) {
            throw new InvalidInput(UPLOADED, "is empty (0 bytes): choose the credential file you received");
        }
        requireAtMostOneMegabyte(UPLOADED, file.getSize());
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
            return new SentCredential(UPLOADED, Form.PNG, bytes);
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return ofText(UPLOADED, text);
        } catch (CharacterCodingException e) {
            throw new InvalidInput(
                    UPLOADED, "is neither a badge image (PNG or SVG) nor a credential as text (JSON or VC-JWT)");
        }
    }

    private static SentCredential ofText(String field, String text) {
        String stripped = text.strip();
        if (stripped.startsWith("\uFEFF")) {
            stripped = stripped.substring(1).strip();
        }
        if (stripped.isEmpty()) {
            throw new InvalidInput(field, "holds only white space: it is not a credential");
        }
        Form form = stripped.startsWith("<")
                ? Form.SVG
                : stripped.startsWith("{") || stripped.startsWith("\"") ? Form.JSON : Form.VC_JWT;
        return new SentCredential(field, form, stripped.getBytes(StandardCharsets.UTF_8));
    }

    private static void requireAtMostOneMegabyte(String field, long bytes) {
        if (bytes > MAX_BYTES) {
            throw new InvalidInput(
                    field, "is " + bytes + " bytes; at most 1 MB (" + MAX_BYTES + " bytes) can be checked");
        }
    }

    /** The body as text (for JSON and a VC-JWT, to read what the credential says). */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
