package org.credstack.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The package rules of catalog-service (STYLE.md: package by feature, package-private by default). */
class CatalogArchitectureTest {

    static final JavaClasses CATALOG = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.credstack.catalog");

    @Test
    void controllersAndTheAdviceAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(RestControllerAdvice.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(CATALOG);
    }

    @Test
    void repositoriesStayInsideTheirFeature() {
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .should()
                .notBePublic()
                .check(CATALOG);
    }

    @Test
    void domainDoesNotDependOnTheWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("org.credstack.catalog.credential..")
                .and()
                .areNotAnnotatedWith(RestController.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.credstack.catalog.web..", "org.springframework.web..", "org.springframework.http..")
                .check(CATALOG);
    }

    @Test
    void featurePackagesFormNoCycles() {
        slices().matching("org.credstack.catalog.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CATALOG);
    }
}
