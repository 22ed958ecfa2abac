package cn.tongban.center;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape STYLE.md asks for, checked: plain domain, capabilities apart, no reach into the platform. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.center");

    @Test
    void domainTypesDoNotDependOnSpring() {
        noClasses().that().resideInAnyPackage("cn.tongban.center.certificate..", "cn.tongban.center.demo",
                        "cn.tongban.center.ledger..", "cn.tongban.center.loan..", "cn.tongban.center.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
        classes().that().resideInAnyPackage("cn.tongban.center.account..", "cn.tongban.center.crosscenter..")
                .and().areRecords().or().areEnums()
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void aCenterNeverReachesIntoThePlatform() {
        noClasses().should().dependOnClassesThat().resideInAPackage("cn.tongban.platform..").check(CLASSES);
    }

    @Test
    void theAccountCapabilityDoesNotKnowTheCrossCenterFlows() {
        noClasses().that().resideInAPackage("cn.tongban.center.account..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.crosscenter..", "cn.tongban.center.certificate..")
                .check(CLASSES);
    }
}
