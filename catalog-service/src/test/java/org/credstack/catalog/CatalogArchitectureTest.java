package org.credstack.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.credstack.testsupport.ServiceArchitecture;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The shared service rules and the package rules of catalog-service (STYLE.md: package by feature, package-private by default). */
@AnalyzeClasses(packages = "org.credstack.catalog", importOptions = ImportOption.DoNotIncludeTests.class)
class CatalogArchitectureTest {

    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceArchitecture.class);

    @ArchTest
    static final ArchRule controllersAndTheAdviceAreNotPublic = classes()
            .that()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(RestControllerAdvice.class)
            .should()
            .notHaveModifier(JavaModifier.PUBLIC);

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature =
            classes().that().areAssignableTo(Repository.class).should().notBePublic();

    @ArchTest
    static final ArchRule domainDoesNotDependOnTheWebLayer = noClasses()
            .that()
            .resideInAnyPackage(
                    "org.credstack.catalog.common..",
                    "org.credstack.catalog.credential..",
                    "org.credstack.catalog.provider..",
                    "org.credstack.catalog.search..")
            .and()
            .areNotAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.springframework.http..");

    @ArchTest
    static final ArchRule featurePackagesFormNoCycles =
            slices().matching("org.credstack.catalog.(*)..").should().beFreeOfCycles();
}
