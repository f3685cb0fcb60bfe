package org.credstack.runtime.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The audit log is append-only: besides the counter of {@link AuditSequence}, no class of the audit log calls a
 * {@link MongoOperations} method that changes or removes a stored document, or reaches past it to the driver.
 */
@AnalyzeClasses(packages = "org.credstack.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class AuditLogAppendOnlyTest {

    static final Set<String> CHANGING = Set.of(
            "save",
            "updateFirst",
            "updateMulti",
            "upsert",
            "update",
            "findAndModify",
            "findAndReplace",
            "replace",
            "remove",
            "findAndRemove",
            "findAllAndRemove",
            "bulkOps",
            "dropCollection",
            "getCollection",
            "execute",
            "executeCommand");

    @ArchTest
    static final ArchRule entriesAreOnlyInserted = noClasses()
            .that()
            .resideInAPackage("org.credstack.runtime.audit..")
            .and()
            .doNotHaveSimpleName("AuditSequence")
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "a MongoOperations method that changes, removes or bypasses stored documents",
                    (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(MongoOperations.class)
                            && CHANGING.contains(call.getName())));
}
