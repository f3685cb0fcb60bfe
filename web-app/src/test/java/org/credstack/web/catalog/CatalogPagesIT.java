package org.credstack.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credstack.web.Accessibility;
import org.credstack.web.StubService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CatalogPagesIT {

    static final StubService CATALOG = StubService.start();

    static final String SINGLE = """
            {"id": "c-1", "status": "PUBLISHED", "version": 2, "content": {
              "title": "Networking Basics", "description": "Cables, switches and routes.", "kind": "MICRO_CREDENTIAL",
              "category": "TECHNICAL", "providerId": "p-1", "skills": ["Subnetting", "Routing"],
              "alignments": [{"framework": "O*NET-SOC", "code": "15-1244.00",
                              "label": "Network and Computer Systems Administrators",
                              "targetUrl": "https://www.onetonline.org/link/summary/15-1244.00"}],
              "deliveryModes": ["ONLINE"], "estimatedDuration": "PT40H",
              "cost": {"amount": 120, "currency": "USD"},
              "assignments": [{"id": "a1", "title": "Lab: build a LAN", "activityId": "https://lms.example/a1"},
                              {"id": "a2", "activityId": "https://lms.example/a2"}],
              "completionRule": {"type": "AT_LEAST", "minimum": 1},
              "validityPeriod": "P3Y",
              "renewalPolicy": {"renewalWindow": "P90D", "description": "Pass the refresher quiz.",
                                "gracePeriod": "P30D"}}}""";

    static final String STACK = """
            {"id": "s-1", "status": "PUBLISHED", "version": 1, "content": {
              "title": "Networking Pathway", "description": "Three networking credentials.", "kind": "STACK",
              "category": "TECHNICAL", "providerId": "p-1", "skills": [], "deliveryModes": [],
              "assignments": [], "stackRule": {"label": "Core", "requiredNumber": 2,
                                               "credentialIds": ["c-1", "c-2", "c-3"], "rules": []}}}""";

    static {
        CATALOG.json(
                        "/api/v1/credentials",
                        "{\"items\": [" + SINGLE + "], \"page\": {\"number\": 0, \"size\": 20, \"totalElements\": 1,"
                                + " \"totalPages\": 1}}")
                .json("/api/v1/credentials/c-1", SINGLE)
                .json("/api/v1/credentials/s-1", STACK)
                .json("/api/v1/providers/p-1", "{\"id\": \"p-1\", \"name\": \"Net Academy\", \"timeZone\": \"UTC\"}")
                .json(
                        "/api/v1/providers",
                        "{\"items\": [{\"id\": \"p-1\", \"name\": \"Net Academy\"}], \"page\": {\"number\": 0}}");
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("credstack.web.catalog-url", CATALOG::url);
        registry.add("credstack.web.badge-url", StubService::refusing);
    }

    @Autowired
    MockMvc mvc;

    private String body(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void passesEveryFilterThroughToCatalogServiceUnderItsName() throws Exception {
        String html = body(
                get("/catalog")
                        .param("q", "network")
                        .param("category", "TECHNICAL")
                        .param("providerId", "p-1")
                        .param("free", "true")
                        .param("maxCost", "200")
                        .param("currency", "usd")
                        .param("maxHours", "40")
                        .param("deliveryMode", "ONLINE")
                        .param("expires", "true")
                        .param("stackableInto", "s-1")
                        .param("sort", "cost"),
                200);

        assertThat(CATALOG.requests())
                .contains(
                        "/api/v1/credentials?q=network&category=TECHNICAL&providerId=p-1&free=true&maxCost=200"
                                + "&currency=USD&maxHours=40&deliveryMode=ONLINE&expires=true&stackableInto=s-1&sort=cost&size=20");
        assertThat(html)
                .contains("<p id=\"total\">1 credential found</p>")
                .contains("<a href=\"/catalog/c-1\">Networking Basics</a>")
                .contains("<option value=\"p-1\" selected=\"selected\">Net Academy</option>");
    }

    @Test
    void leavesEmptyFormFieldsOutOfTheSearch() throws Exception {
        body(
                get("/catalog")
                        .param("q", "")
                        .param("category", "")
                        .param("maxHours", "")
                        .param("expires", ""),
                200);

        assertThat(CATALOG.requests()).contains("/api/v1/credentials?size=20");
    }

    @Test
    void answersAnHtmxRequestWithTheResultListOnly() throws Exception {
        String html = body(get("/catalog").param("q", "network").header("HX-Request", "true"), 200);

        assertThat(html.strip()).startsWith("<section id=\"results\"");
        assertThat(html).contains("Networking Basics").doesNotContain("<form").doesNotContain("<html");
    }

    @Test
    void namesTheFieldOfBadInputAndAsksCatalogServiceNothing() throws Exception {
        int before = CATALOG.requests().size();

        String notANumber = body(get("/catalog").param("maxHours", "forty"), 400);
        String negative = body(get("/catalog").param("maxCost", "-1").param("currency", "USD"), 400);

        assertThat(notANumber)
                .contains("value=\"forty\" aria-invalid=\"true\" aria-describedby=\"maxHours-error\"")
                .contains("<span id=\"maxHours-error\" class=\"error\">maxHours is not a number</span>")
                .contains("<a href=\"#maxHours\" data-field=\"maxHours\">maxHours is not a number</a>");
        assertThat(negative)
                .contains("<span id=\"maxCost-error\" class=\"error\">maxCost is a number of 0 or more</span>");
        assertThat(CATALOG.requests().subList(before, CATALOG.requests().size()))
                .noneMatch(request -> request.startsWith("/api/v1/credentials"));
    }

    @Test
    void asksForTheCurrencyOfAMaximumCost() throws Exception {
        String html = body(get("/catalog").param("maxCost", "100").header("HX-Request", "true"), 400);

        assertThat(html).contains("data-field=\"currency\"").contains("currency is needed with maxCost");
    }

    @Test
    void showsWhatYouLearnAssignmentsTimeCostValidityAndRenewal() throws Exception {
        String html = body(get("/catalog/c-1"), 200);

        assertThat(html)
                .contains("<h1>Networking Basics</h1>")
                .contains("<span id=\"provider\">Net Academy</span>")
                .contains("<li>Subnetting</li>")
                .contains("<li>Network and Computer Systems Administrators (O*NET-SOC 15-1244.00)</li>")
                .contains("<li>Lab: build a LAN</li>")
                .contains("<li>a2</li>")
                .contains("Complete at least 1 of 2 assignments.")
                .contains("<dd id=\"duration\">40 hours</dd>")
                .contains("<dd id=\"cost\">120 USD</dd>")
                .contains("Valid for 3 years after it is awarded")
                .contains("Pass the refresher quiz.")
                .contains("Renewal opens 90 days before it expires.")
                .contains("up to 30 days after it expires.");
    }

    @Test
    void listsTheComponentsOfAStack() throws Exception {
        String html = body(get("/catalog/s-1"), 200);

        assertThat(html)
                .contains("Core: earned with 2 of its 3 components.")
                .contains("<a href=\"/catalog/c-1\">Networking Basics</a>");
        assertThat(CATALOG.requests()).contains("/api/v1/credentials?stackableInto=s-1&size=100");
    }

    @Test
    void answersAnUnknownCatalogCredentialWithANotFoundPage() throws Exception {
        String html = body(get("/catalog/nope"), 404);

        assertThat(html).contains("There is no <span>credential nope in the catalog</span>");
    }

    @Test
    void servesHtmxFromItsWebJarAndTheStylesheetFromTheJar() throws Exception {
        String catalogPage = body(get("/catalog"), 200);

        assertThat(catalogPage)
                .containsPattern("<script src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\" defer></script>")
                .contains("hx-get=\"/catalog\" hx-target=\"#results\"");
        assertThat(body(get("/webjars/htmx.org/dist/htmx.min.js"), 200)).contains("htmx");
        assertThat(body(get("/css/site.css"), 200)).contains("@media (max-width: 40rem)");
    }

    @Test
    void keepsTheAccessibilityBasicsOnEveryCatalogPage() throws Exception {
        Accessibility.assertBasics(body(get("/catalog"), 200));
        Accessibility.assertBasics(body(get("/catalog").param("maxHours", "forty"), 400));
        Accessibility.assertBasics(body(get("/catalog/c-1"), 200));
        Accessibility.assertBasics(body(get("/catalog/s-1"), 200));
        Accessibility.assertBasics(body(get("/catalog/nope"), 404));
    }

    @Test
    void answersAnUnknownPathWithANotFoundPage() throws Exception {
        String html = body(get("/no-such-page"), 404);

        assertThat(html).contains("There is no <span>page /no-such-page</span>");
        Accessibility.assertBasics(html);
    }
}
