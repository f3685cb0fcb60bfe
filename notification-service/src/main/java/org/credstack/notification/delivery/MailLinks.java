package org.credstack.notification.delivery;

import java.net.URI;
import java.util.Map;
import org.credstack.notification.NotificationProperties;
import org.credstack.notification.ServiceUrls;
import org.credstack.runtime.links.LinkTokens;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed links e-mails carry (docs/lifecycle/notifications.md), each a {@link LinkTokens} token whose subject is
 * the learner:
 *
 * <ul>
 *   <li>purpose {@value #UNSUBSCRIBE}: {@code {credstack.urls.notification}/unsubscribe?token=...} turns reminder
 *       e-mails off (RFC 8058 one-click);
 *   <li>purpose {@value #RENEWAL}, claims {@code {"badgeId"}}: {@code {credstack.urls.enrollment}/renewals/new?token=...}
 *       starts the renewal of that credential.
 * </ul>
 */
@Component
public class MailLinks {

    /** Purpose of the unsubscribe link's token. */
    public static final String UNSUBSCRIBE = "unsubscribe";

    /** Purpose of the renewal link's token. */
    public static final String RENEWAL = "renewal";

    private final LinkTokens tokens;
    private final ServiceUrls urls;
    private final NotificationProperties.Links lifetimes;

    MailLinks(LinkTokens tokens, ServiceUrls urls, NotificationProperties properties) {
        this.tokens = tokens;
        this.urls = urls;
        this.lifetimes = properties.links();
    }

    /** The learner's unsubscribe link, working for {@code links.unsubscribe-ttl}. */
    public String unsubscribe(String learnerId) {
        String token = tokens.issue(UNSUBSCRIBE, learnerId, Map.of(), lifetimes.unsubscribeTtl());
        return link(urls.notification(), "/unsubscribe", token);
    }

    /** The link that starts the renewal of the learner's credential {@code badgeId}, for {@code links.renewal-ttl}. */
    public String renewal(String learnerId, String badgeId) {
        String token = tokens.issue(RENEWAL, learnerId, Map.of("badgeId", badgeId), lifetimes.renewalTtl());
        return link(urls.enrollment(), "/renewals/new", token);
    }

    private static String link(URI base, String path, String token) {
        return UriComponentsBuilder.fromUri(base)
                .path(path)
                .queryParam("token", token)
                .build()
                .toUriString();
    }
}
