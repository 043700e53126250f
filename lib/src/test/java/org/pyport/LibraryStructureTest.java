package org.pyport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The helper library's packages depend on each other in one direction only: a package that needs another is
 * never needed by it, directly or through a third. Read from the compiled main classes, so a fully qualified
 * name counts as much as an import. (Class names unique across library and kernel: the kernel's
 * {@code KernelStructureTest}, which sees both.)
 */
class LibraryStructureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pyport");

    @Test
    void packagesHaveNoCycles() {
        assertTrue(MAIN.contain("org.pyport.check.Checks"), "the library's main classes were read");
        slices().matching("org.pyport.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
