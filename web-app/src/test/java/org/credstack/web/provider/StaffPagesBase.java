package org.credstack.web.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.credstack.web.SignedInAs;
import org.credstack.web.StubService;
import org.credstack.web.signin.SignInConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff pages' tests share one application (one Spring context) with stand-ins for catalog-service,
 * enrollment-service and badge-service; each test sets the answers it needs and reads the requests it caused.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class StaffPagesBase {

    static final String PROVIDER = "p-1";
    static final String OTHER_PROVIDER = "p-2";
    static final String BEARER = "Bearer " + SignedInAs.ACCESS_TOKEN;

    static final StubService CATALOG = StubService.start();
    static final StubService ENROLLMENT = StubService.start();
    static final StubService BADGE = StubService.start();

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.enrollment-url", ENROLLMENT::url);
        registry.add("credstack.web.badge-url", BADGE::url);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    private int catalogSeen;
    private int enrollmentSeen;
    private int badgeSeen;

    @BeforeEach
    void markRequests() {
        catalogSeen = CATALOG.received().size();
        enrollmentSeen = ENROLLMENT.received().size();
        badgeSeen = BADGE.received().size();
    }

    /** Staff of {@value #PROVIDER}. */
    OidcLoginRequestPostProcessor staff() {
        return SignedInAs.staff(registration(), "staff-1", PROVIDER);
    }

    /** Staff of {@value #OTHER_PROVIDER} only. */
    OidcLoginRequestPostProcessor otherStaff() {
        return SignedInAs.staff(registration(), "staff-2", OTHER_PROVIDER);
    }

    OidcLoginRequestPostProcessor learner() {
        return SignedInAs.learner(registration(), "learner-7");
    }

    private ClientRegistration registration() {
        return registrations.findByRegistrationId(SignInConfiguration.REGISTRATION_ID);
    }

    /** The requests catalog-service got since the test began. */
    List<StubService.Request> catalogRequests() {
        return since(CATALOG, catalogSeen);
    }

    List<StubService.Request> enrollmentRequests() {
        return since(ENROLLMENT, enrollmentSeen);
    }

    List<StubService.Request> badgeRequests() {
        return since(BADGE, badgeSeen);
    }

    /** The only request with this method the service got since the test began. */
    static StubService.Request only(List<StubService.Request> requests, String method) {
        List<StubService.Request> matching =
                requests.stream().filter(r -> r.method().equals(method)).toList();
        assertThat(matching).as(method + " requests").hasSize(1);
        return matching.getFirst();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static List<StubService.Request> since(StubService service, int seen) {
        List<StubService.Request> all = service.received();
        return all.subList(Math.min(seen, all.size()), all.size());
    }

    /** A catalog-service {@code CredentialView}. */
    static String credentialView(String id, String status, String providerId, String title) {
        return """
                {"id": "%s", "status": "%s", "version": %s, "updatedAt": "2026-11-30T09:00:00Z",
                 "content": {"title": "%s", "description": "Cables and routes.", "kind": "MICRO_CREDENTIAL",
                   "category": "TECHNICAL", "providerId": "%s", "skills": ["Routing"],
                   "alignments": [{"framework": "O*NET-SOC", "code": "15-1244.00", "label": "Network Administrators"}],
                   "deliveryModes": ["ONLINE"], "estimatedDuration": "PT40H", "cost": {"amount": 120, "currency": "USD"},
                   "assignments": [{"id": "a1", "title": "Lab", "activityId": "https://lms.example/a1",
                                    "moveOn": "Completed"}],
                   "completionRule": {"type": "ALL"}, "validityPeriod": "P2Y"}}""".formatted(id, status, status.equals("DRAFT") ? "null" : "1", title, providerId);
    }
}
