package org.credstack.catalog.credential;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What a credential costs the learner.
 *
 * @param amount amount in the currency's major unit, not negative; zero means free
 * @param currency ISO 4217 code (upper case); {@code null} only when free
 * @throws CatalogRuleViolation for a negative amount, an unknown currency, or a price without currency
 */
public record Cost(BigDecimal amount, String currency) {

    /** No cost. */
    public static final Cost FREE = new Cost(BigDecimal.ZERO, null);

    public Cost {
        require(amount != null && amount.signum() >= 0, "amount", "a cost is zero or more");
        require(currency != null || amount.signum() == 0, "currency", "a price needs an ISO 4217 currency");
        if (currency != null) {
            require(isIso4217(currency), "currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
    }

    /** Whether it costs nothing. */
    public boolean free() {
        return amount.signum() == 0;
    }

    private static boolean isIso4217(String code) {
        try {
            return code.length() == 3
                    && Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
