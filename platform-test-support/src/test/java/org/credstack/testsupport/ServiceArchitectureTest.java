package org.credstack.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The shared rules catch what they are about, on deliberately bad samples, and pass the good ones. */
class ServiceArchitectureTest {

    private static final ClassFileImporter IMPORTER = new ClassFileImporter();

    @Test
    void oneWriterPerTopicRefusesAServiceMakingAnotherServicesEvent() {
        JavaClasses forged = IMPORTER.importClasses(org.credstack.enrollment.archsample.ForgedCatalogEvent.class);

        assertThatThrownBy(() -> ServiceArchitecture.oneWriterPerTopic.check(forged))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("ForgedCatalogEvent")
                .hasMessageContaining("catalog.credentials.v1 is written by catalog, not enrollment");
    }

    @Test
    void oneWriterPerTopicLetsTheOwnerMakeItsEvents() {
        JavaClasses own = IMPORTER.importClasses(org.credstack.catalog.archsample.OwnCatalogEvent.class);

        assertThatCode(() -> ServiceArchitecture.oneWriterPerTopic.check(own)).doesNotThrowAnyException();
    }

    @Test
    void controllersMayNotQueryTheStoreThemselves() {
        JavaClasses querying = IMPORTER.importClasses(org.credstack.catalog.archsample.QueryingController.class);

        assertThatThrownBy(() -> ServiceArchitecture.noMongoTemplateInControllers.check(querying))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("QueryingController")
                .hasMessageContaining("MongoTemplate");
    }

    @Test
    void controllersThatDelegatePass() {
        JavaClasses delegating = IMPORTER.importClasses(org.credstack.catalog.archsample.DelegatingController.class);

        assertThatCode(() -> ServiceArchitecture.noMongoTemplateInControllers.check(delegating))
                .doesNotThrowAnyException();
    }
}
