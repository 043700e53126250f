package org.pyport.kernel;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kernel's packages have no cycle, and every class of the project's main code (kernel and helper library) has
 * a simple name of its own, so a name in a notebook, a stack trace or a conversation says which class it is. Read
 * from the compiled main classes.
 */
class KernelStructureTest {
    private static final ClassFileImporter MAIN_CLASSES =
            new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);

    @Test
    void packagesHaveNoCycles() {
        JavaClasses kernel = MAIN_CLASSES.importPackages("org.pyport.kernel", "io.github.spencerpark");
        assertTrue(kernel.contain(PyportKernel.class), "the kernel's main classes were read");
        slices().matching("(**)").should().beFreeOfCycles().check(kernel);
    }

    @Test
    void classNamesAreUniqueAcrossKernelAndLibrary() {
        JavaClasses all = MAIN_CLASSES.importPackages("org.pyport", "io.github.spencerpark");
        assertTrue(all.contain(PyportKernel.class) && all.contain("org.pyport.check.Checks"),
                "the main classes of both the kernel and the helper library were read");
        assertEquals(Map.of(), duplicateNames(all), "simple names of more than one top-level class");
    }

    /** Simple name → the classes that share it, for the names that more than one top-level class has. */
    static Map<String, List<String>> duplicateNames(JavaClasses classes) {
        Map<String, List<String>> byName = classes.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        byName.values().removeIf(names -> names.size() < 2);
        return byName;
    }
}
