package cn.tongban.center.dataquality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The checks, the CSV reader and the import are plain Java; Spring and MongoDB stay in the four adapters. */
class DataQualityArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.center.dataquality");

    @Test
    void onlyTheAdaptersKnowSpringAndMongo() {
        noClasses().that().resideInAPackage("cn.tongban.center.dataquality..")
                .and().doNotHaveSimpleName("DataQualityController")
                .and().doNotHaveSimpleName("DataQualityService")
                .and().doNotHaveSimpleName("DataQualityStore")
                .and().doNotHaveSimpleName("DataQualityProperties")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void theDomainDoesNotCallTheAdapters() {
        noClasses().that().resideInAPackage("cn.tongban.center.dataquality..")
                .and().doNotHaveSimpleName("DataQualityController")
                .and().doNotHaveSimpleName("DataQualityService")
                .should().dependOnClassesThat().haveSimpleName("DataQualityStore")
                .check(CLASSES);
    }
}
