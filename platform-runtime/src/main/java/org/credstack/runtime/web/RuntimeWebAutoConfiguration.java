package org.credstack.runtime.web;

import org.credstack.runtime.RuntimeProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** The request-size limit ({@link RequestSizeLimit}) in every service with a servlet web layer. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@EnableConfigurationProperties(RuntimeProperties.class)
public class RuntimeWebAutoConfiguration {

    /** First of all filters, so nothing reads a body that is too large. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(RuntimeProperties properties) {
        FilterRegistrationBean<RequestSizeLimit> registration =
                new FilterRegistrationBean<>(new RequestSizeLimit(properties.maxRequestSize()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
