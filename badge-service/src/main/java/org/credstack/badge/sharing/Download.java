package org.credstack.badge.sharing;

import java.util.function.Function;
import org.springframework.http.MediaType;

/** The three downloads of an issued credential: what each is called, its media type and how it is made. */
enum Download {
    /** The baked PNG badge ({@link BakedPng}). */
    PNG("badge.png", MediaType.IMAGE_PNG, BakedPng::of),
    /** The baked SVG badge ({@link BakedSvg}). */
    SVG("badge.svg", MediaType.parseMediaType("image/svg+xml"), BakedSvg::of),
    /** The printable certificate ({@link CertificatePdf}). */
    PDF("certificate.pdf", MediaType.APPLICATION_PDF, CertificatePdf::of);

    private final String suffix;
    private final MediaType mediaType;
    private final Function<SharedCredential, byte[]> maker;

    Download(String suffix, MediaType mediaType, Function<SharedCredential, byte[]> maker) {
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.maker = maker;
    }

    /** The last path segment and the end of the file name, e.g. {@code badge.png}. */
    String suffix() {
        return suffix;
    }

    MediaType mediaType() {
        return mediaType;
    }

    byte[] make(SharedCredential credential) {
        return maker.apply(credential);
    }
}
