package org.credstack.web.signin;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controller methods take a {@link Caller} parameter. */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebMvcConfigurer {

    private final CallerResolver callers;

    CallerArguments(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }
}
