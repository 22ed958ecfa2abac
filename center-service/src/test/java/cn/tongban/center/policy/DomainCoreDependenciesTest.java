package cn.tongban.center.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The domain core is layered: the ledger knows nothing of loans or policies, loans nothing of policies, and none of
 * them reaches into the cross-center flows, the certificates or the demo data.
 */
class DomainCoreDependenciesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.center");

    @Test
    void theLedgerStandsAlone() {
        noClasses().that().resideInAPackage("cn.tongban.center.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.loan..", "cn.tongban.center.policy..",
                        "cn.tongban.center.account..")
                .check(CLASSES);
    }

    @Test
    void loansDoNotKnowTheLocalPolicies() {
        noClasses().that().resideInAPackage("cn.tongban.center.loan..")
                .should().dependOnClassesThat().resideInAPackage("cn.tongban.center.policy..")
                .check(CLASSES);
    }

    @Test
    void theCoreDoesNotReachIntoTheFlowsAroundIt() {
        noClasses().that().resideInAnyPackage("cn.tongban.center.ledger..", "cn.tongban.center.loan..", "cn.tongban.center.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.crosscenter..", "cn.tongban.center.certificate..",
                        "cn.tongban.center.demo..", "cn.tongban.center.demoload..")
                .check(CLASSES);
    }
}
