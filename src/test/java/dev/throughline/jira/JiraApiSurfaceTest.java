package dev.throughline.jira;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers see only our own types: no RestTemplate, ResponseEntity or Jackson type in a
 * public signature.
 */
class JiraApiSurfaceTest {

    private static final List<String> RAW_TYPES = List.of("org.springframework.web.client.",
            "org.springframework.http.", "com.fasterxml.jackson.", "org.apache.http.");

    @Test
    void publicSignaturesExposeNoHttpOrJsonLibraryTypes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.throughline.jira");
        List<String> leaks = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (!javaClass.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                .filter(member -> Modifier.isPublic(member.getModifiers()))
                .map(Executable::toGenericString)
                .filter(signature -> RAW_TYPES.stream().anyMatch(signature::contains))
                .forEach(leaks::add);
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theImplementationIsHiddenBehindTheInterface() {
        assertThat(Modifier.isPublic(RestJiraClient.class.getModifiers())).isFalse();
        assertThat(Modifier.isPublic(RetryInterceptor.class.getModifiers())).isFalse();
        for (Class<?> part : List.of(EntityProperties.class, BulkPropertyTasks.class, AgileBoards.class,
                ProjectSearch.class, PermissionChecks.class)) {
            assertThat(Modifier.isPublic(part.getModifiers())).as(part.getSimpleName()).isFalse();
        }
    }

}
