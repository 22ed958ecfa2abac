package cn.tongban.center.archive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The manifest, the link policy and the import are plain Java; Spring and MongoDB stay in the adapters. */
class ArchiveArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.tongban.center.archive");

    @Test
    void onlyTheAdaptersKnowSpringAndMongo() {
        noClasses().that().resideInAPackage("cn.tongban.center.archive..")
                .and().doNotHaveSimpleName("ArchiveController")
                .and().doNotHaveSimpleName("ArchiveService")
                .and().doNotHaveSimpleName("ArchiveStore")
                .and().doNotHaveSimpleName("ArchiveProperties")
                .and().haveNameNotMatching(".*ArchiveController\\$.*")
                .and().haveNameNotMatching(".*ArchiveStore\\$.*")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                        "jakarta.servlet..")
                .check(CLASSES);
    }
}
