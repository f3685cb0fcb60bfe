package org.credstack.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
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
import java.util.Arrays;
import java.util.Optional;
import org.credstack.events.Topic;

/**
 * The package and coding rules every CredStack service keeps (docs/architecture.md). A service's
 * architecture test includes them with {@code @ArchTest static final ArchTests rules =
 * ArchTests.in(ServiceArchitecture.class);} and may add its own.
 */
public final class ServiceArchitecture {

    private static final String[] SERVICE_PACKAGES = {
        "org.credstack.catalog..",
        "org.credstack.enrollment..",
        "org.credstack.badge..",
        "org.credstack.notification..",
        "org.credstack.identity.."
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

    /**
     * One writer per topic (docs/architecture.md, "Topics"): a service's code constructs only the event records of the
     * topics {@link Topic#service()} names it the owner of. A consumer reads other services' events but never
     * makes one, so it cannot publish on a topic it does not own. Apply it to main code only: tests publish as
     * other services would.
     */
    @ArchTest
    public static final ArchRule oneWriterPerTopic = classes()
            .should(new ArchCondition<JavaClass>("construct only events of the topics their service owns") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    String own = serviceNameOf(javaClass.getPackageName());
                    if (own == null) {
                        return;
                    }
                    for (JavaConstructorCall call : javaClass.getConstructorCallsFromSelf()) {
                        topicOf(call.getTargetOwner())
                                .filter(topic -> !topic.service().equals(own))
                                .ifPresent(topic -> events.add(SimpleConditionEvent.violated(
                                        call,
                                        call.getDescription() + ": " + topic.topicName() + " is written by "
                                                + topic.service() + ", not " + own)));
                    }
                }
            });

    /**
     * Controllers answer from their feature's use cases and repositories, never by querying the store
     * themselves: no {@code @RestController} depends on {@code MongoTemplate} or {@code MongoOperations}.
     */
    @ArchTest
    public static final ArchRule noMongoTemplateInControllers = noClasses()
            .that()
            .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoOperations")
            .allowEmptyShould(true);

    /** The topic whose sealed event type {@code type} implements, if it is an event record. */
    private static Optional<Topic> topicOf(JavaClass type) {
        return Arrays.stream(Topic.values())
                .filter(topic -> type.isAssignableTo(topic.eventType()) && !type.isInterface())
                .findFirst();
    }

    /** {@code catalog} for {@code org.credstack.catalog.credential}; {@code null} outside the services. */
    private static String serviceNameOf(String packageName) {
        String service = serviceOf(packageName);
        return service == null ? null : service.substring("org.credstack.".length());
    }

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
