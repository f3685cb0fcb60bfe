package org.credstack.catalog.provider;

import static org.credstack.catalog.common.CatalogRuleViolation.require;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.credstack.catalog.common.Checks;

/**
 * What a provider (the organisation offering credentials, the Open Badges issuer) is made of.
 *
 * @param name display name; required
 * @param url home page, or {@code null}
 * @param email contact address, or {@code null}
 * @param timeZone IANA zone for calendar arithmetic on validity periods; {@code null} means {@code UTC}
 * @throws CatalogRuleViolation for a missing name or an unknown zone
 */
public record ProviderDraft(String name, String url, String email, String timeZone) {

    public ProviderDraft {
        require(name != null && !name.isBlank(), "name", "a provider has a name");
        Checks.maxLength(name, Checks.MAX_NAME, "name");
        Checks.httpUrl(url, "url");
        Checks.email(email, "email");
        timeZone = timeZone == null ? "UTC" : timeZone;
        require(isZone(timeZone), "timeZone", "'" + timeZone + "' is not an IANA time zone");
    }

    private static boolean isZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
