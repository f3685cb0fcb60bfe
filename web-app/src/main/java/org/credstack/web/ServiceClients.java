package org.credstack.web;

import java.net.URI;
import java.net.http.HttpClient;
import org.credstack.web.catalog.CatalogApi;
import org.credstack.web.credential.BadgeApi;
import org.credstack.web.learner.EnrollmentApi;
import org.credstack.web.learner.IdentityApi;
import org.credstack.web.learner.LearnerBadgeApi;
import org.credstack.web.learner.NotificationApi;
import org.credstack.web.provider.StaffBadgeApi;
import org.credstack.web.provider.StaffCatalogApi;
import org.credstack.web.provider.StaffEnrollmentApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Bean
    CatalogApi catalogApi(WebProperties properties) {
        return client(properties, properties.catalogUrl(), CatalogApi.class);
    }

    @Bean
    BadgeApi badgeApi(WebProperties properties) {
        return client(properties, properties.badgeUrl(), BadgeApi.class);
    }

    @Bean
    StaffCatalogApi staffCatalogApi(WebProperties properties) {
        return client(properties, properties.catalogUrl(), StaffCatalogApi.class);
    }

    @Bean
    StaffEnrollmentApi staffEnrollmentApi(WebProperties properties) {
        return client(properties, properties.enrollmentUrl(), StaffEnrollmentApi.class);
    }

    @Bean
    StaffBadgeApi staffBadgeApi(WebProperties properties) {
        return client(properties, properties.badgeUrl(), StaffBadgeApi.class);
    }

    @Bean
    EnrollmentApi enrollmentApi(WebProperties properties) {
        return client(properties, properties.enrollmentUrl(), EnrollmentApi.class);
    }

    @Bean
    LearnerBadgeApi learnerBadgeApi(WebProperties properties) {
        return client(properties, properties.badgeUrl(), LearnerBadgeApi.class);
    }

    @Bean
    NotificationApi notificationApi(WebProperties properties) {
        return client(properties, properties.notificationUrl(), NotificationApi.class);
    }

    @Bean
    IdentityApi identityApi(WebProperties properties) {
        return client(properties, properties.identityUrl(), IdentityApi.class);
    }

    /** An HTTP interface client of {@code api} at {@code baseUrl}. */
    static <T> T client(WebProperties properties, URI baseUrl, Class<T> api) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.readTimeout());
        RestClient client = RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(api);
    }
}
