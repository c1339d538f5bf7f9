package org.singlewindow.node;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The kernel's shape: its feature packages depend on each other without cycles, and the refusal vocabulary and the
 * messaging paths know nothing of HTTP's web layer (a refusal is mapped to an answer at the edge and to a retry or a
 * dead letter in the transport).
 */
@AnalyzeClasses(packages = "org.singlewindow.node", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_kernels_packages_should_have_no_cycle = slices()
            .matching("org.singlewindow.node.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_refusal_vocabulary_should_depend_on_neither_side = noClasses()
            .that().resideInAPackage("org.singlewindow.node.refusal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.singlewindow.node.web..",
                    "org.singlewindow.node.transport..", "org.springframework.http..", "org.springframework.web..",
                    "jakarta.servlet..", "jakarta.jms..", "org.apache.camel..");

    @ArchTest
    static final ArchRule the_transport_should_not_use_the_web_layer = noClasses()
            .that().resideInAPackage("org.singlewindow.node.transport..")
            .should().dependOnClassesThat().resideInAnyPackage("org.singlewindow.node.web..",
                    "org.springframework.web..", "jakarta.servlet..");
}
