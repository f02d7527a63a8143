package fr.centraleachat.diffusion;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import fr.centraleachat.support.test.ReglesDesCouches;

@AnalyzeClasses(packages = "fr.centraleachat.diffusion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests couches = ArchTests.in(ReglesDesCouches.class);
}
