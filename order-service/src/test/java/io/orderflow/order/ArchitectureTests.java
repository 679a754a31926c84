package io.orderflow.order;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of STYLE.md, as rules the build checks. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.orderflow.order");

	@Test
	void theDomainIsPlainJava() {
		noClasses().that()
			.resideInAPackage("..order.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "org.apache.kafka..",
					"tools.jackson..", "com.fasterxml..", "io.micrometer..", "io.opentelemetry..",
					"io.orderflow.contract..", "io.orderflow.messaging..", "io.orderflow.web..")
			.check(CLASSES);
	}

	@Test
	void theDomainKnowsNothingOfTheSagaOrTheUseCases() {
		noClasses().that()
			.resideInAPackage("..order.domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..order.saga..", "..order.application..", "..order.web..", "..order.messaging..",
					"..order.persistence..")
			.check(CLASSES);
	}

	@Test
	void theSagaDecidesWithoutFrameworks() {
		noClasses().that()
			.resideInAPackage("..order.saga..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "org.apache.kafka..",
					"io.micrometer..", "io.opentelemetry..", "io.orderflow.messaging..", "io.orderflow.web..",
					"..order.application..", "..order.web..", "..order.messaging..", "..order.persistence..")
			.check(CLASSES);
	}

	@Test
	void theUseCasesDependOnNoAdapter() {
		noClasses().that()
			.resideInAPackage("..order.application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..order.web..", "..order.messaging..", "..order.persistence..")
			.check(CLASSES);
	}

	@Test
	void adaptersDoNotDependOnEachOther() {
		adapter("web").shouldNotUse("messaging", "persistence");
		adapter("messaging").shouldNotUse("web", "persistence");
		adapter("persistence").shouldNotUse("web", "messaging");
	}

	@Test
	void entitiesStayInPersistence() {
		noClasses().that()
			.resideOutsideOfPackage("..order.persistence..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
			.check(CLASSES);
	}

	private static Adapter adapter(String name) {
		return new Adapter(name);
	}

	private record Adapter(String name) {

		void shouldNotUse(String... others) {
			for (String other : others) {
				noClasses().that()
					.resideInAPackage("..order." + this.name + "..")
					.should()
					.dependOnClassesThat()
					.resideInAPackage("..order." + other + "..")
					.check(CLASSES);
			}
		}

	}

}
