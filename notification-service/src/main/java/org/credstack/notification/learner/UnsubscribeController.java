package org.credstack.notification.learner;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Optional;
import org.credstack.notification.delivery.MailLinks;
import org.credstack.runtime.links.LinkToken;
import org.credstack.runtime.links.LinkTokens;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of every e-mail, {@code /unsubscribe?token=...} (token purpose {@code unsubscribe}, subject the
 * learner; see {@link MailLinks}).
 *
 * <ul>
 *   <li>{@code GET}: a small HTML page that asks to confirm, with a form that POSTs the same link; 400 page for a bad
 *       or expired token.
 *   <li>{@code POST}: RFC 8058 one-click (the body {@code List-Unsubscribe=One-Click} is accepted, none is needed):
 *       turns the learner's reminder e-mails off and answers 200 with a short HTML page; in-app notifications stay.
 *       A bad or expired token is a 400 problem {@code invalid-link-token} and changes nothing.
 * </ul>
 *
 * Both are public, without a bearer token ({@code PublicPaths.PLATFORM}): the signed link token is the proof, and it
 * names the learner, so the link changes no one else's preferences. {@code @Operation} lists them in the OpenAPI
 * document (springdoc leaves out a {@code @Controller}'s pages otherwise), so the authorization matrix covers them.
 */
@Controller
class UnsubscribeController {

    private final LinkTokens tokens;
    private final Recipients recipients;

    UnsubscribeController(LinkTokens tokens, Recipients recipients) {
        this.tokens = tokens;
        this.recipients = recipients;
    }

    @GetMapping("/unsubscribe")
    @Operation(summary = "The page of an e-mail's unsubscribe link, asking to confirm")
    ModelAndView confirm(@RequestParam(required = false) String token) {
        if (verified(token).isEmpty()) {
            return new ModelAndView(
                    "unsubscribe-invalid",
                    Map.of("message", new InvalidLinkToken().getMessage()),
                    HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("unsubscribe-confirm", Map.of("token", token), HttpStatus.OK);
    }

    @PostMapping("/unsubscribe")
    @Operation(summary = "Turns the learner's reminder e-mails off (RFC 8058 one-click)")
    ModelAndView unsubscribe(@RequestParam(required = false) String token) {
        LinkToken link = verified(token).orElseThrow(InvalidLinkToken::new);
        recipients.setReminderEmails(link.subject(), false);
        return new ModelAndView("unsubscribe-done", Map.of(), HttpStatus.OK);
    }

    private Optional<LinkToken> verified(String token) {
        return tokens.verify(MailLinks.UNSUBSCRIBE, token);
    }
}
