package org.credstack.runtime.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.credstack.runtime.security.Access;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit log ({@link AuditLog}) and its operators' endpoint ({@code GET /api/v1/audit-log}) in every service that
 * has the security kit ({@code CredStackSecurityAutoConfiguration}: an {@link Access} bean) and Mongo. Inert
 * elsewhere: a service without the kit has no caller to record.
 */
@AutoConfiguration(
        afterName = {
            "org.credstack.runtime.security.CredStackSecurityAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(
        name = {
            "org.springframework.web.servlet.DispatcherServlet",
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken"
        })
@ConditionalOnBean(
        type = {"org.credstack.runtime.security.Access", "org.springframework.data.mongodb.core.MongoTemplate"})
public class AuditLogAutoConfiguration {

    @Bean
    AuditLog auditLog(
            MongoTemplate mongo,
            Access access,
            Clock clock,
            MeterRegistry meters,
            @Value("${spring.application.name:application}") String application) {
        return new AuditLog(mongo, new CallerActors(access, application), clock, meters);
    }

    @Bean
    AuditLogController auditLogController(AuditLog auditLog, Access access) {
        return new AuditLogController(auditLog, access);
    }
}
