package org.credstack.runtime.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's {@link ProblemAdvice} in every service with a servlet web layer. Runs before Boot's web MVC
 * configuration, whose own {@code ProblemDetailsExceptionHandler} then steps aside.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
public class ProblemAutoConfiguration {

    @Bean
    ProblemAdvice credstackProblemAdvice() {
        return new ProblemAdvice();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.tomcat.util.http.InvalidParameterException")
    static class OnTomcat {

        @Bean
        TomcatProblems credstackTomcatProblems() {
            return new TomcatProblems();
        }
    }
}
