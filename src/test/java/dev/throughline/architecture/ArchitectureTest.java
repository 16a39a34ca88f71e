package dev.throughline.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;

import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the developers' guide. Feature packages (scoring, theme, program,
 * grooming, settings) keep their domain logic at the package's top level, plain Java;
 * their Spring/web adapters live in sub-packages. That jira/ exposes no HTTP or JSON
 * library type is checked by {@code jira.JiraApiSurfaceTest}.
 */
class ArchitectureTest {

    private static final String[] DOMAIN_PACKAGES = { "dev.throughline.scoring", "dev.throughline.theme",
            "dev.throughline.program", "dev.throughline.grooming", "dev.throughline.settings", "dev.throughline.tenant",
            "dev.throughline.problems" };

    private static final String[] FEATURES = { "scoring", "theme", "program", "grooming", "settings" };

    /**
     * Features whose handlers take typed request bodies; theme and program join once
     * their web layers are typed (one line each).
     */
    private static final String[] TYPED_REQUEST_PACKAGES = { "dev.throughline.scoring..", "dev.throughline.settings..",
            "dev.throughline.grooming..", "dev.throughline.theme..", "dev.throughline.program.." };

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.throughline");
    }

    @Test
    void onlyTheJiraClientUsesRestTemplate() {
        ArchRule rule = noClasses().that()
            .resideOutsideOfPackage("dev.throughline.jira..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web.client..")
            .because("Jira is reached only through the typed client in jira/");
        rule.check(production);
    }

    @Test
    void onlyConnectJiraAndWebImportAtlassianConnect() {
        ArchRule rule = noClasses().that()
            .resideOutsideOfPackages("dev.throughline.connect..", "dev.throughline.jira..", "dev.throughline.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.atlassian.connect..")
            .because("moving to Forge Remote must touch only those packages");
        rule.check(production);
    }

    @Test
    void forgeSpecificCodeStaysInForge() {
        ArchRule rule = noClasses().that()
            .resideOutsideOfPackage("dev.throughline.forge..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.throughline.forge..", "com.nimbusds..")
            .because("the Forge door (invocation tokens, installations, its lifecycle and events) lives in forge/;"
                    + " the rest of the app sees only tenant.Site, tenant.Caller and jira.SiteTokens");
        rule.check(production);
    }

    @Test
    void featuresImportNeitherDoor() {
        for (String feature : FEATURES) {
            ArchRule rule = noClasses().that()
                .resideInAPackage("dev.throughline." + feature + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.throughline.connect..", "dev.throughline.forge..", "com.atlassian.connect..")
                .because("a feature serves both doors the same: it gets a tenant.Caller, whichever door made it");
            rule.check(production);
        }
    }

    @Test
    void theTenantIsOneAbstractionBothDoorsProduce() {
        ArchRule rule = noClasses().that()
            .resideInAPackage("dev.throughline.tenant..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.throughline.connect..", "dev.throughline.forge..", "dev.throughline.jira..",
                    "com.atlassian.connect..")
            .because("Site and Caller are the app's own view of who calls; each door converts its own identity"
                    + " (a Connect host, a Forge installation) into them");
        rule.check(production);
        ArchRule doorsDoNotMeet = noClasses().that()
            .resideInAPackage("dev.throughline.connect..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.throughline.forge..")
            .because("the doors are independent: each leaves a tenant.Caller on the request");
        doorsDoNotMeet.check(production);
        noClasses().that()
            .resideInAPackage("dev.throughline.forge..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.throughline.connect..", "com.atlassian.connect..")
            .check(production);
    }

    @Test
    void domainPackagesImportNoSpringServletOrJackson() {
        ArchRule rule = noClasses().that()
            .resideInAnyPackage(DOMAIN_PACKAGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "javax.servlet..", "jakarta.servlet..",
                    "com.fasterxml.jackson..")
            .because("formulas, rollups, forecasts and ranking are plain Java, tested directly")
            .allowEmptyShould(true);
        rule.check(production);
    }

    @Test
    void onlyCoordinationTalksToTheDatabaseDirectly() {
        ArchRule rule = noClasses().that()
            .resideOutsideOfPackage("dev.throughline.coordination..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework.jdbc..")
            .because("features serialise and invalidate through KeyedLocks and ChangeFeed, not SQL");
        rule.check(production);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesStoreOrWeb() {
        for (String feature : FEATURES) {
            String root = "dev.throughline." + feature;
            ArchRule rule = noClasses().that()
                .resideOutsideOfPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(root + ".store..", root + ".web..")
                .because("how " + feature + " stores its data and answers HTTP may change without touching other"
                        + " features; they use its public API (its top-level package and service/)");
            rule.check(production);
        }
    }

    @Test
    void noHandlerTakesARawMapBody() {
        ArchRule rule = noMethods().that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(TYPED_REQUEST_PACKAGES)
            .should(takeAMapRequestBody())
            .because("a request body is a web/ record or a JsonNode read by one, so the API's contract lives in"
                    + " types and every field error is named in one place");
        rule.check(production);
    }

    private static ArchCondition<JavaMethod> takeAMapRequestBody() {
        return new ArchCondition<>("take a Map as @RequestBody") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isAnnotatedWith(RequestBody.class)
                            && parameter.getRawType().isAssignableTo(Map.class)) {
                        events.add(SimpleConditionEvent.satisfied(method,
                                method.getFullName() + " takes a Map as its request body"));
                    }
                }
            }
        };
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.throughline.(*)..").should().beFreeOfCycles().check(production);
    }

}
