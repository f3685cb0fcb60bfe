package org.credstack.web.learner;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.credstack.web.signin.SignInConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The learner pages' tests share one application context: stand-ins for enrollment-, badge-, catalog-,
 * notification- and identity-service on local ports, and a fixed clock. Each test uses its own learner id, so the stubs' paths (and
 * the requests they record) do not mix between tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class LearnerPagesBase {

    static final StubService ENROLLMENT = StubService.start();
    static final StubService BADGE = StubService.start();
    static final StubService CATALOG = StubService.start();
    static final StubService NOTIFICATION = StubService.start();
    static final StubService IDENTITY = StubService.start();

    static final String PROBLEM = "application/problem+json";

    /** The fixed "now" of these tests. */
    static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.enrollment-url", ENROLLMENT::url);
        registry.add("credstack.web.badge-url", BADGE::url);
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.notification-url", NOTIFICATION::url);
        registry.add("credstack.web.identity-url", IDENTITY::url);
        // these tests pin pages, not timeouts (SlowServiceIT does): a first call on a busy shared machine may take
        // longer than the 2.5 s limit while classes load
        registry.add("resilience4j.timelimiter.configs.service.timeout-duration", () -> "20s");
        registry.add("credstack.web.read-timeout", () -> "20s");
    }

    @TestBean
    Clock clock;

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    /** Signed in as a learner whose learner id is {@code learnerId}. */
    RequestPostProcessor learner(String learnerId) {
        return SignedInAs.learner(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID), learnerId);
    }

    /** Signed in as staff of a provider. */
    RequestPostProcessor staff() {
        return SignedInAs.staff(
                registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID), "staff-1", "p-1");
    }

    /** Signed in as an operator. */
    RequestPostProcessor operator() {
        return SignedInAs.operator(registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID), "op-1");
    }

    /** The page's HTML, expecting {@code status}. */
    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request.locale(Locale.ENGLISH))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The requests {@code stub} got for exactly this {@code path?query}. */
    static List<StubService.Request> to(StubService stub, String target) {
        return stub.received().stream()
                .filter(request -> request.target().equals(target))
                .toList();
    }

    /** A problem+json body with a {@code detail}. */
    static String problem(int status, String detail) {
        return "{\"type\": \"urn:credstack:problem:test\", \"status\": " + status + ", \"detail\": \"" + detail + "\"}";
    }
}
