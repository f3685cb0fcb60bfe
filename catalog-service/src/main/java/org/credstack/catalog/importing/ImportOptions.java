package org.credstack.catalog.importing;

import org.credstack.catalog.credential.Category;

/**
 * What the caller says about a document besides its content.
 *
 * @param format the format, or {@code null} to detect it
 * @param category the category of every credential in it, or {@code null} for {@link CategoryRule}
 * @param provider name of the offering organisation when the document names none or only refers to it, or
 *     {@code null}
 * @param source where the document came from (file name or URL) for reports, or {@code null}
 */
record ImportOptions(Format format, Category category, String provider, String source) {

    static final ImportOptions DETECT = new ImportOptions(null, null, null, null);

    static ImportOptions source(String source) {
        return new ImportOptions(null, null, null, source);
    }

    ImportOptions withProvider(String name) {
        return new ImportOptions(format, category, name, source);
    }

    /** The source formats the import reads. */
    enum Format {
        /** Credential Engine CTDL JSON-LD: credentials, organisations, pathways. */
        CTDL,
        /** Open Badges 1.x/2.0 BadgeClass and issuer, Open Badges 3.0 Achievement. */
        OPENBADGES
    }
}
