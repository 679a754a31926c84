package io.orderflow.messaging;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.orderflow.messaging");

	@Test
	void knowsNoDomainNorAnyOtherOrderflowModule() {
		noClasses().should()
			.dependOnClassesThat(
					resideInAPackage("io.orderflow..").and(not(resideInAPackage("io.orderflow.messaging.."))))
			.check(this.classes);
	}

	@Test
	void keepsTheEnvelopeAtTheBottom() {
		noClasses().that()
			.resideInAPackage("io.orderflow.messaging.envelope..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.messaging.outbox..", "io.orderflow.messaging.inbox..",
					"io.orderflow.messaging.failure..", "io.orderflow.messaging.autoconfigure..")
			.check(this.classes);
	}

	@Test
	void keepsFeaturesIndependentOfEachOtherAndOfTheWiring() {
		noClasses().that()
			.resideInAnyPackage("io.orderflow.messaging.outbox..", "io.orderflow.messaging.inbox..",
					"io.orderflow.messaging.failure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.messaging.autoconfigure..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("io.orderflow.messaging.inbox..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.messaging.outbox..", "io.orderflow.messaging.failure..")
			.check(this.classes);
	}

}
