package org.credstack.enrollment.enrollment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.credstack.enrollment.enrollment.RenewalRefused.RenewalInProgress;
import org.credstack.enrollment.enrollment.Renewals.Plan;
import org.credstack.enrollment.problem.DomainException;
import org.credstack.events.catalog.CredentialSnapshot.Assignment;
import org.credstack.runtime.links.LinkToken;
import org.credstack.runtime.links.LinkTokens;
import org.credstack.runtime.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The renewal link of the reminder e-mail (docs/lifecycle/renewal.md; the link contract is
 * {@code {credstack.urls.enrollment}/renewals/new?token=<token>}, a {@link LinkTokens} token of purpose
 * {@value #PURPOSE} whose subject is the learner and whose claim {@code badgeId} names the badge). No sign-in: the
 * token is the proof. Pages are server-rendered HTML ({@code templates/renewal.mustache}), no script.
 *
 * <ul>
 *   <li>{@code GET /renewals/new?token=} → 200: which credential is renewed, until when it can be, what it takes,
 *       and a form that POSTs the same token (with a confirmation box for a renewal by attestation); 200 "under way"
 *       when a renewal of that badge was started already; the refusal in words (404/409) when it cannot be renewed.
 *   <li>{@code POST /renewals/new} ({@code application/x-www-form-urlencoded} {@code token}, {@code attest}) → 201:
 *       the renewal started exactly as {@code POST /api/v1/learners/{learnerId}/renewals} starts it (same checks),
 *       and what to do next; posting again shows the renewal under way (200) and creates nothing.
 * </ul>
 *
 * A missing, forged, expired or other-purpose token answers 400 with a page saying the link does not work, and
 * nothing is stored; so does a renewal by attestation posted without the confirmation.
 */
@Controller
class RenewalLinkController {

    /** The {@link LinkTokens} purpose of renewal links. */
    static final String PURPOSE = "renewal";

    private static final String VIEW = "renewal";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Renewals renewals;
    private final LinkTokens links;

    RenewalLinkController(Renewals renewals, LinkTokens links) {
        this.renewals = renewals;
        this.links = links;
    }

    /**
     * The link's pages need no sign-in: {@code GET /renewals/new} is public platform-wide ({@link
     * PublicPaths#PLATFORM}), the form's {@code POST} is declared here.
     */
    @Configuration(proxyBeanMethods = false)
    static class LinkPagesArePublic {
        @Bean
        PublicPaths renewalLinkPublicPaths() {
            return PublicPaths.of("POST /renewals/new");
        }
    }

    @GetMapping(path = "/renewals/new", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(@RequestParam(required = false) String token) {
        Optional<Link> link = link(token);
        if (link.isEmpty()) {
            return invalidLink();
        }
        try {
            Plan plan = renewals.plan(link.get().learnerId(), link.get().badgeId());
            Map<String, Object> model = page("Renew your credential", plan);
            model.put("plan", planModel(plan, token));
            return new ModelAndView(VIEW, model, HttpStatus.OK);
        } catch (RenewalInProgress underWay) {
            return underWay(underWay);
        } catch (DomainException refused) {
            return refused(refused);
        }
    }

    @PostMapping(
            path = "/renewals/new",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView start(@RequestParam(required = false) String token, @RequestParam(required = false) String attest) {
        Optional<Link> link = link(token);
        if (link.isEmpty()) {
            return invalidLink();
        }
        boolean attested = "true".equals(attest) || "on".equals(attest);
        try {
            Plan plan = renewals.plan(link.get().learnerId(), link.get().badgeId());
            if (plan.byAttestation() && !attested) {
                Map<String, Object> model = page("Please confirm", plan);
                message(model, "Renewing this credential only takes your confirmation: tick the box and send again.");
                model.put("plan", planModel(plan, token));
                return new ModelAndView(VIEW, model, HttpStatus.BAD_REQUEST);
            }
            Enrollment renewal =
                    renewals.start(link.get().learnerId(), link.get().badgeId(), plan.byAttestation() && attested);
            Map<String, Object> model = page("Your renewal has started", plan);
            model.put("message", "Renewal " + renewal.id() + " has started.");
            model.put("messageClass", "done");
            model.put("next", Map.of("steps", nextSteps(renewal)));
            return new ModelAndView(VIEW, model, HttpStatus.CREATED);
        } catch (RenewalInProgress underWay) {
            return underWay(underWay);
        } catch (DomainException refused) {
            return refused(refused);
        }
    }

    private Optional<Link> link(String token) {
        return links.verify(PURPOSE, token)
                .filter(t -> t.claims().get("badgeId") != null)
                .map(Link::of);
    }

    private static List<String> nextSteps(Enrollment renewal) {
        if (renewal.status() == Status.COMPLETED) {
            return List.of("Nothing more: your renewed credential is being issued and will reach you by e-mail.");
        }
        return renewal.assignments().stream()
                .map(a -> a.selfPaced()
                        ? "Do \u201c" + a.title() + "\u201d and mark it done in your learning app."
                        : "Complete \u201c" + a.title() + "\u201d with your learning provider; it reports it to us.")
                .toList();
    }

    private static Map<String, Object> page(String heading, Plan plan) {
        Map<String, Object> model = new HashMap<>();
        model.put("heading", heading);
        model.put(
                "credential",
                Map.of(
                        "name", name(plan),
                        "validUntil", DAY.format(plan.badge().validUntil())));
        return model;
    }

    private static Map<String, Object> planModel(Plan plan, String token) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put(
                "opens",
                plan.window().opens().equals(Instant.MIN)
                        ? "now"
                        : DAY.format(plan.window().opens()));
        model.put("closes", DAY.format(plan.window().closes()));
        String description = plan.credential().renewalPolicy().description();
        if (description != null && !description.isBlank()) {
            model.put("description", description);
        }
        model.put("hasRequirements", !plan.byAttestation());
        model.put(
                "requirements",
                plan.requirements().stream().map(Assignment::title).toList());
        return model;
    }

    private static String name(Plan plan) {
        String awarded = plan.badge().achievementName();
        return awarded == null || awarded.isBlank() ? plan.credential().title() : awarded;
    }

    private static ModelAndView underWay(RenewalInProgress underWay) {
        Map<String, Object> model = new HashMap<>();
        model.put("heading", "Your renewal is under way");
        message(
                model,
                "You started renewing this credential already (renewal " + underWay.enrollmentId()
                        + "); nothing new was started.");
        model.put("messageClass", "done");
        return new ModelAndView(VIEW, model, HttpStatus.OK);
    }

    private static ModelAndView refused(DomainException refused) {
        HttpStatus status = switch (refused.reason()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        Map<String, Object> model = new HashMap<>();
        model.put("heading", "This credential cannot be renewed now");
        message(model, refused.getMessage() + ".");
        return new ModelAndView(VIEW, model, status);
    }

    private static ModelAndView invalidLink() {
        Map<String, Object> model = new HashMap<>();
        model.put("heading", "This link does not work");
        message(
                model,
                "The renewal link is incomplete, altered or expired. Use the link in your latest reminder e-mail.");
        return new ModelAndView(VIEW, model, HttpStatus.BAD_REQUEST);
    }

    private static void message(Map<String, Object> model, String text) {
        model.put("message", text);
        model.putIfAbsent("messageClass", "refusal");
    }

    /** What a verified renewal token names. */
    private record Link(String learnerId, String badgeId) {
        static Link of(LinkToken token) {
            return new Link(token.subject(), token.claims().get("badgeId"));
        }
    }
}
