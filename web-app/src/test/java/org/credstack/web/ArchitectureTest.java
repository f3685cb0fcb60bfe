package org.credstack.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;

/** The web app's package rules: pages by feature, and every call to a service through {@link ServiceCalls}. */
@AnalyzeClasses(packages = "org.credstack.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .should()
            .notBePublic()
            .because("a feature's pages are reached over HTTP, not from other packages");

    @ArchTest
    static final ArchRule catalogPagesKnowNothingOfCredentialPages = noClasses()
            .that()
            .resideInAPackage("..web.catalog..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..web.credential..");

    @ArchTest
    static final ArchRule staffPagesKnowNothingOfOtherPages = noClasses()
            .that()
            .resideInAPackage("..web.provider..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..web.catalog..", "..web.credential..", "..web.learner..", "..web.operator..")
            .because("the staff pages have their own typed clients (docs/web-app-provider.md)");

    @ArchTest
    static final ArchRule noPageCallsAServiceWithItsOwnHttpClient = noClasses()
            .that()
            .resideInAnyPackage("..web.catalog..", "..web.credential..", "..web.provider..", "..web.learner..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web.client..", "java.net.http..")
            .because("calls go through the typed clients and ServiceCalls' circuit breakers (docs/web-app.md)");
}
