package org.credstack.catalog.importing;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * ISO 4217 codes for the ways real records name a currency: the code itself, an English name as the JDK
 * knows it ({@code US Dollar}, {@code Euro}, {@code British Pound}), or a common symbol.
 */
final class Currencies {

    private static final Map<String, String> SYMBOLS =
            Map.of("$", "USD", "US$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR", "₨", "PKR", "C$", "CAD");

    private Currencies() {}

    /** The ISO 4217 code, or {@code null} when the text names no currency this import knows. */
    static String iso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (SYMBOLS.containsKey(value)) {
            return SYMBOLS.get(value);
        }
        String upper = value.toUpperCase(Locale.ROOT);
        for (Currency currency : Currency.getAvailableCurrencies()) {
            if (currency.getCurrencyCode().equals(upper)
                    || currency.getDisplayName(Locale.ENGLISH).equalsIgnoreCase(value)
                    || currency.getDisplayName(Locale.ENGLISH).equalsIgnoreCase(value + "s")) {
                return currency.getCurrencyCode();
            }
        }
        return null;
    }
}
