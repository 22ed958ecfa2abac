package cn.tongban.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform's shape, checked: plain domain, no reach into any center's code. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.platform");

    @Test
    void theCalendarAndTheCaseRecordsAreFreeOfSpring() {
        noClasses().that().haveSimpleNameStartingWith("WorkingDayCalendar").or().haveSimpleName("DueDate").or().haveSimpleName("Holiday")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
        classes().that().areRecords().and().resideInAnyPackage("cn.tongban.platform.casefile..", "cn.tongban.platform.registry..")
                .and().haveNameNotMatching(".*Properties.*")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void theDocumentAccessPolicyAndRecordsAreFreeOfSpring() {
        noClasses().that().haveSimpleNameStartingWith("DocumentAccessPolicy").or().haveSimpleName("StoredDocument")
                .or().haveSimpleName("DocumentAccess")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void thePlatformNeverReadsACentersCode() {
        noClasses().should().dependOnClassesThat().resideInAPackage("cn.tongban.center..").check(CLASSES);
    }
}
