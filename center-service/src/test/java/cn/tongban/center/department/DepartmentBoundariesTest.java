package cn.tongban.center.department;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The department clients are an edge: they know the departments, not the capabilities that ask them. */
class DepartmentBoundariesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.center");

    @Test
    void theDepartmentClientsDependOnNoCapabilityOfTheCenter() {
        noClasses().that().resideInAPackage("cn.tongban.center.department..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.tongban.center.account..", "cn.tongban.center.ledger..",
                        "cn.tongban.center.payment..", "cn.tongban.center.policy..", "cn.tongban.center.loan..",
                        "cn.tongban.center.crosscenter..", "cn.tongban.center.certificate..")
                .check(CLASSES);
    }

    @Test
    void onlyTheDepartmentPackageSpeaksHttpToTheDepartments() {
        noClasses().that().resideInAPackage("cn.tongban.center.payment..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..", "java.net.http..",
                        "io.github.resilience4j..")
                .check(CLASSES);
    }
}
