package org.credstack.web;

import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.function.Consumer;
import org.credstack.web.catalog.CatalogApi;
import org.credstack.web.credential.BadgeApi;
import org.credstack.web.learner.EnrollmentApi;
import org.credstack.web.learner.IdentityApi;
import org.credstack.web.learner.LearnerBadgeApi;
import org.credstack.web.learner.NotificationApi;
import org.credstack.web.operator.HealthApi;
import org.credstack.web.operator.InboxApi;
import org.credstack.web.operator.OperatedService;
import org.credstack.web.operator.OperatedServices;
import org.credstack.web.operator.OperationsApi;
import org.credstack.web.provider.StaffBadgeApi;
import org.credstack.web.provider.StaffCatalogApi;
import org.credstack.web.provider.StaffEnrollmentApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * The typed HTTP interface clients of the services, with connect and read timeouts: one {@code @Bean} per
 * interface, built by {@link #client}. A page that acts for a signed-in person passes {@code Caller.authorization()}
 * as the {@code Authorization} header parameter of the client method; public reads send no token.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    /**
     * One JDK HTTP client (one connection pool, one selector thread) for every typed client, with the connect and
     * read timeouts of {@link WebProperties}.
     */
    private final JdkClientHttpRequestFactory requests;

    /**
     * Observes every call, so each carries the W3C {@code traceparent} of the page request that made it and a
     * person's click can be followed into the services (docs/tracing-resilience.md).
     */
    private final ObservationRegistry observations;

    ServiceClients(WebProperties properties, ObjectProvider<ObservationRegistry> observations) {
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
        this.requests = new JdkClientHttpRequestFactory(http);
        this.requests.setReadTimeout(properties.readTimeout());
    }

    @Bean
    CatalogApi catalogApi(WebProperties properties) {
        return client(properties.catalogUrl(), CatalogApi.class);
    }

    @Bean
    BadgeApi badgeApi(WebProperties properties) {
        return client(properties.badgeUrl(), BadgeApi.class);
    }

    @Bean
    StaffCatalogApi staffCatalogApi(WebProperties properties) {
        return client(properties.catalogUrl(), StaffCatalogApi.class);
    }

    @Bean
    StaffEnrollmentApi staffEnrollmentApi(WebProperties properties) {
        return client(properties.enrollmentUrl(), StaffEnrollmentApi.class);
    }

    @Bean
    StaffBadgeApi staffBadgeApi(WebProperties properties) {
        return client(properties.badgeUrl(), StaffBadgeApi.class);
    }

    @Bean
    EnrollmentApi enrollmentApi(WebProperties properties) {
        return client(properties.enrollmentUrl(), EnrollmentApi.class);
    }

    @Bean
    LearnerBadgeApi learnerBadgeApi(WebProperties properties) {
        return client(properties.badgeUrl(), LearnerBadgeApi.class);
    }

    @Bean
    NotificationApi notificationApi(WebProperties properties) {
        return client(properties.notificationUrl(), NotificationApi.class);
    }

    @Bean
    IdentityApi identityApi(WebProperties properties) {
        return client(properties.identityUrl(), IdentityApi.class);
    }

    /** The services the operator's pipeline page watches, in the order it lists them. */
    @Bean
    OperatedServices operatedServices(WebProperties properties) {
        return new OperatedServices(List.of(
                operated("catalog-service", ServiceCalls.CATALOG, properties.catalogUrl()),
                operated("enrollment-service", ServiceCalls.ENROLLMENT, properties.enrollmentUrl()),
                operated("badge-service", ServiceCalls.BADGE, properties.badgeUrl()),
                operated("notification-service", ServiceCalls.NOTIFICATION, properties.notificationUrl()),
                operated("identity-service", ServiceCalls.IDENTITY, properties.identityUrl())));
    }

    @Bean
    InboxApi inboxApi(WebProperties properties) {
        return client(properties.enrollmentUrl(), InboxApi.class);
    }

    /** A service's operator clients; its health client reads a 503 ({@code DOWN}) as an answer, not a failure. */
    private OperatedService operated(String name, String breaker, URI url) {
        return new OperatedService(
                name,
                breaker,
                client(url, OperationsApi.class),
                client(
                        url,
                        HealthApi.class,
                        builder -> builder.defaultStatusHandler(
                                status -> status.isSameCodeAs(HttpStatus.SERVICE_UNAVAILABLE),
                                (request, response) -> {})));
    }

    /** An HTTP interface client of {@code api} at {@code baseUrl}. */
    <T> T client(URI baseUrl, Class<T> api) {
        return client(baseUrl, api, builder -> {});
    }

    /** An HTTP interface client of {@code api} at {@code baseUrl}, its {@code RestClient} adjusted first. */
    <T> T client(URI baseUrl, Class<T> api, Consumer<RestClient.Builder> adjust) {
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .observationRegistry(observations);
        adjust.accept(builder);
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(builder.build()))
                .build()
                .createClient(api);
    }
}
