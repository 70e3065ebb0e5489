package io.wirebench.transport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The library's packages form layers, with no cycle: {@code access} (security, bind address, credentials, the body
 * limit) depends on neither of the others; {@code server} (the managed servers) only on {@code access}; the
 * transports ({@code io.wirebench.transport}) on both.
 */
@AnalyzeClasses(packages = "io.wirebench.transport", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageLayersTest {

    @ArchTest
    static final ArchRule theServersDoNotReachUpToTheTransports = noClasses().that().resideInAPackage("io.wirebench.transport.server..")
            .should().dependOnClassesThat().resideInAPackage("io.wirebench.transport");

    @ArchTest
    static final ArchRule accessStandsAlone = noClasses().that().resideInAPackage("io.wirebench.transport.access..")
            .should().dependOnClassesThat().resideInAnyPackage("io.wirebench.transport", "io.wirebench.transport.server..");
}
