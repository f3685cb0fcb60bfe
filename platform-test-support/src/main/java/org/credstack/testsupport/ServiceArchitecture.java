package org.credstack.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * The package and coding rules every CredStack service keeps (docs/architecture.md). A service's
 * architecture test includes them with {@code @ArchTest static final ArchTests rules =
 * ArchTests.in(ServiceArchitecture.class);} and may add its own.
 */
public final class ServiceArchitecture {

    private static final String[] SERVICE_PACKAGES = {
        "org.credstack.catalog..", "org.credstack.enrollment..", "org.credstack.badge..", "org.credstack.notification.."
    };

    private ServiceArchitecture() {}

    /**
     * Time comes from the one injected {@code Clock} (docs/architecture.md, "Time"), never {@code now()} on the
     * spot.
     */
    @ArchTest
    public static final ArchRule timeComesFromTheInjectedClock = noClasses()
            .should()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .because("every service reads time from its injected java.time.Clock");

    /** Web adapters are package-private, next to the feature they serve (STYLE.md, practice 1). */
    @ArchTest
    public static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should()
            .notHaveModifier(JavaModifier.PUBLIC)
            .allowEmptyShould(true);

    /** Constructor injection only. */
    @ArchTest
    public static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION.allowEmptyShould(true);

    /** No service reads another's code or database; they talk through platform-events (docs/architecture.md). */
    @ArchTest
    public static final ArchRule servicesDoNotDependOnEachOther = classes()
            .should(new ArchCondition<JavaClass>("depend only on their own service") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    String own = serviceOf(javaClass.getPackageName());
                    javaClass.getDirectDependenciesFromSelf().forEach(dependency -> {
                        String target = serviceOf(dependency.getTargetClass().getPackageName());
                        if (own != null && target != null && !own.equals(target)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            });

    private static String serviceOf(String packageName) {
        for (String service : SERVICE_PACKAGES) {
            String prefix = service.substring(0, service.length() - 2);
            if (packageName.equals(prefix) || packageName.startsWith(prefix + ".")) {
                return prefix;
            }
        }
        return null;
    }
}
