package cn.tongban.center.catalogue;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The item flow knows no item; the items plug into it by their handlers and do not know each other. */
class ItemFlowArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.center");

    @Test
    void theFlowKnowsNoItemsWorkAndTheItemsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("cn.tongban.center.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.jointhandling..",
                        "cn.tongban.center.proxywithdrawal..", "cn.tongban.center.withdrawal..", "cn.tongban.center.payment..",
                        "cn.tongban.center.policy..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("cn.tongban.center.jointhandling..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.proxywithdrawal..", "cn.tongban.center.crosscenter..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("cn.tongban.center.proxywithdrawal..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.jointhandling..", "cn.tongban.center.crosscenter..")
                .check(CLASSES);
    }

    @Test
    void theFlowsRecordsArePlain() {
        classes().that().resideInAnyPackage("cn.tongban.center.catalogue..", "cn.tongban.center.jointhandling..")
                .and().areRecords().and().haveSimpleNameNotEndingWith("Request").and().haveSimpleNameNotEndingWith("Input")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }
}
