package org.credstack.web.credential;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * LinkedIn's add-to-profile link for a certification: {@code https://www.linkedin.com/profile/add?startTask=
 * CERTIFICATION_NAME&name=…&organizationName=…&issueYear=…&issueMonth=…&expirationYear=…&expirationMonth=…&certUrl=
 * …&certId=…}. Year and month are those of {@code validFrom} and {@code validUntil} in the issuer's time zone; the
 * expiration pair is left out for a credential that never expires. Every value is percent-encoded in full.
 */
final class LinkedInLink {

    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedInLink() {}

    static String of(
            String name,
            String organization,
            ZonedDateTime issued,
            ZonedDateTime expires,
            URI credentialUrl,
            String credentialId) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("startTask", "CERTIFICATION_NAME");
        parameters.put("name", name);
        parameters.put("organizationName", organization);
        if (issued != null) {
            parameters.put("issueYear", issued.getYear());
            parameters.put("issueMonth", issued.getMonthValue());
        }
        if (expires != null) {
            parameters.put("expirationYear", expires.getYear());
            parameters.put("expirationMonth", expires.getMonthValue());
        }
        parameters.put("certUrl", credentialUrl);
        parameters.put("certId", credentialId);
        StringJoiner query = new StringJoiner("&", ADD_TO_PROFILE + "?", "");
        parameters.forEach((key, value) -> {
            if (value != null) {
                query.add(key + "=" + encoded(value.toString()));
            }
        });
        return query.toString();
    }

    /** Every reserved character percent-encoded, a space as {@code %20} (a {@code +} would stay a plus). */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
