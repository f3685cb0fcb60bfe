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

    static final String GOALS = """
            {"items": [
              {"goal": "NAICS:5415", "framework": "NAICS", "code": "5415",
               "label": "Computer Systems Design", "credentials": 1},
              {"goal": "O*NET-SOC:15-1244.00", "framework": "O*NET-SOC", "code": "15-1244.00",
               "label": "Network and Computer Systems Administrators", "credentials": 2},
              {"goal": "O*NET-SOC:15-1252.00", "framework": "O*NET-SOC", "code": "15-1252.00",
               "label": "Software Developers", "credentials": 1}]}""";

    /** A goal the form lets through and (this stand-in for) catalog-service refuses. */
    static final String REFUSED_GOAL = "SFIA:REFUSED";

    static String page(String... items) {
        return "{\"items\": [" + String.join(",", items) + "], \"page\": {\"number\": 0, \"size\": 100,"
                + " \"totalElements\": " + items.length + ", \"totalPages\": 1}}";
    }

    static {
        CATALOG.json(
                        "/api/v1/credentials",
                        "{\"items\": [" + SINGLE + "], \"page\": {\"number\": 0, \"size\": 20, \"totalElements\": 1,"
                                + " \"totalPages\": 1}}")
                .json("/api/v1/credentials?componentOf=c-1&size=100", page(STACK))
                .json("/api/v1/credentials?componentOf=s-1&size=100", page())
                .json("/api/v1/credentials/c-2", SINGLE.replace("\"c-1\"", "\"c-2\""))
                .answer(
                        "/api/v1/credentials?componentOf=c-2&size=100",
                        503,
                        "application/problem+json",
                        "{\"status\": 503}")
                .answer(
                        "/api/v1/credentials?goal=SFIA%3AREFUSED&size=20",
                        400,
                        "application/problem+json",
                        "{\"status\": 400, \"detail\": \"goal: no such goal\","
                                + " \"errors\": [{\"field\": \"goal\", \"message\": \"no such goal\"}]}")
                .json("/api/v1/goals", GOALS)
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
                        .param("skill", "Subnetting")
                        .param("goal", "O*NET-SOC:15-1244.00")
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
                        "/api/v1/credentials?q=network&skill=Subnetting&goal=O%2ANET-SOC%3A15-1244.00"
                                + "&category=TECHNICAL&providerId=p-1&free=true&maxCost=200"
                                + "&currency=USD&maxHours=40&deliveryMode=ONLINE&expires=true&stackableInto=s-1&sort=cost&size=20");
        assertThat(html)
                .contains("<p id=\"total\">1 credential found</p>")
                .contains("<a href=\"/catalog/c-1\">Networking Basics</a>")
                .contains("<option value=\"p-1\" selected=\"selected\">Net Academy</option>")
                .contains("<input id=\"skill\" name=\"skill\" maxlength=\"300\" value=\"Subnetting\"")
                .contains("<option value=\"O*NET-SOC:15-1244.00\" selected=\"selected\">");
    }

    @Test
    void offersThePublishedCatalogsGoalsGroupedByFramework() throws Exception {
        String html = body(get("/catalog"), 200);

        assertThat(html)
                .contains("<label for=\"goal\">Goal: an occupation, industry or skill</label>")
                .containsSubsequence(
                        "<optgroup label=\"NAICS\">",
                        "<option value=\"NAICS:5415\">Computer Systems Design (5415) · 1 credential</option>",
                        "<optgroup label=\"O*NET-SOC\">",
                        "<option value=\"O*NET-SOC:15-1244.00\">Network and Computer Systems Administrators"
                                + " (15-1244.00) · 2 credentials</option>",
                        "<option value=\"O*NET-SOC:15-1252.00\">Software Developers (15-1252.00) · 1 credential"
                                + "</option>");
        assertThat(CATALOG.requests()).contains("/api/v1/goals");
    }

    @Test
    void keepsAGoalTheListLacksAsTheChosenOne() throws Exception {
        String html = body(get("/catalog").param("goal", "ESCO:http://data.europa.eu/esco/occupation/x"), 200);

        assertThat(html)
                .contains("<option value=\"ESCO:http://data.europa.eu/esco/occupation/x\" selected=\"selected\">"
                        + "ESCO:http://data.europa.eu/esco/occupation/x</option>");
        assertThat(CATALOG.requests())
                .contains(
                        "/api/v1/credentials?goal=ESCO%3Ahttp%3A%2F%2Fdata.europa.eu%2Fesco%2Foccupation%2Fx&size=20");
    }

    @Test
    void namesTheGoalWhenItIsNoFrameworkAndCodeAndAsksCatalogServiceNothing() throws Exception {
        int before = CATALOG.requests().size();

        String html = body(get("/catalog").param("goal", "software"), 400);

        assertThat(html)
                .contains("<select id=\"goal\" name=\"goal\" aria-invalid=\"true\" aria-describedby=\"goal-error\">")
                .contains(
                        "<span id=\"goal-error\" class=\"error\">goal is an occupation, industry or skill from the list"
                                + "</span>")
                .contains("<a href=\"#goal\" data-field=\"goal\">goal is an occupation");
        assertThat(CATALOG.requests().subList(before, CATALOG.requests().size()))
                .noneMatch(request -> request.startsWith("/api/v1/credentials"));
    }

    @Test
    void showsCatalogServicesRefusalOfTheGoalAtTheGoalField() throws Exception {
        String html = body(get("/catalog").param("goal", REFUSED_GOAL), 400);

        assertThat(html)
                .contains("aria-invalid=\"true\" aria-describedby=\"goal-error\"")
                .contains("<span id=\"goal-error\" class=\"error\">goal: no such goal</span>")
                .contains("<a href=\"#goal\" data-field=\"goal\">goal: no such goal</a>");
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
    void listsThePublishedStacksACredentialCountsToward() throws Exception {
        String html = body(get("/catalog/c-1"), 200);

        assertThat(html)
                .contains("<h2 id=\"stacks-heading\">Stacks it counts toward</h2>")
                .contains("<ul id=\"stacks\">")
                .contains("<a href=\"/catalog/s-1\">Networking Pathway</a>")
                .doesNotContain("cannot list");
        assertThat(CATALOG.requests()).contains("/api/v1/credentials?componentOf=c-1&size=100");
    }

    @Test
    void saysWhenACredentialCountsTowardNoStackAndWhenTheStacksAreUnavailable() throws Exception {
        String inNone = body(get("/catalog/s-1"), 200);
        String unavailable = body(get("/catalog/c-2"), 200);

        assertThat(inNone).contains("<p id=\"no-stacks\">It is not a component of any published stack.</p>");
        assertThat(unavailable)
                .contains("<h1>Networking Basics</h1>")
                .contains("The stacks it counts toward are unavailable right now.");
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
        Accessibility.assertBasics(body(get("/catalog").param("goal", "software"), 400));
        Accessibility.assertBasics(body(get("/catalog/c-2"), 200));
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
