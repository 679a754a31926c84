package io.orderflow.payment;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.orderflow.payment");
	}

	@Test
	void domainDependsOnNoFrameworkAndNoContract() {
		noClasses().that()
			.resideInAPackage("..payment.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "org.apache.kafka..",
					"tools.jackson..", "com.fasterxml..", "io.github.resilience4j..", "io.micrometer..",
					"io.orderflow.contract..", "io.orderflow.messaging..", "io.orderflow.web..")
			.check(classes);
	}

	@Test
	void domainKnowsNoOtherLayer() {
		noClasses().that()
			.resideInAPackage("..payment.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..payment.application..", "..payment.web..", "..payment.messaging..",
					"..payment.persistence..", "..payment.provider..")
			.check(classes);
	}

	@Test
	void applicationKnowsNoAdapterAndNoContract() {
		noClasses().that()
			.resideInAPackage("..payment.application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..payment.web..", "..payment.messaging..", "..payment.persistence..",
					"..payment.provider..", "io.orderflow.contract..", "io.orderflow.messaging..", "io.orderflow.web..",
					"org.apache.kafka..", "io.github.resilience4j..")
			.check(classes);
	}

	@Test
	void adaptersDoNotDependOnEachOther() {
		slices().matching("io.orderflow.payment.(web|messaging|persistence|provider)..")
			.should()
			.notDependOnEachOther()
			.check(classes);
	}

	@Test
	void onlyTheMessagingAdapterSpeaksTheContract() {
		noClasses().that()
			.resideOutsideOfPackage("..payment.messaging..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.contract..")
			.check(classes);
	}

}
