package org.credstack.catalog.common;

/**
 * A credential or provider breaks a catalog rule. Names the offending field (a JSON path such as
 * {@code assignments[2].masteryScore}) so the API can answer RFC 9457 problem details that point at it.
 */
public class CatalogRuleViolation extends RuntimeException {

    private final String field;

    /**
     * @param field JSON path of the offending field, e.g. {@code cost.currency}
     * @param message what is wrong, in words
     */
    public CatalogRuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** JSON path of the offending field. */
    public String field() {
        return field;
    }

    public static void require(boolean fact, String field, String message) {
        if (!fact) {
            throw new CatalogRuleViolation(field, message);
        }
    }
}
