package io.orderflow.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of STYLE.md, checked on the compiled main classes. */
class ArchitectureTests {

	private static final String DOMAIN = "io.orderflow.inventory.domain..";

	private static final String APPLICATION = "io.orderflow.inventory.application..";

	private static final String WEB = "io.orderflow.inventory.web..";

	private static final String MESSAGING = "io.orderflow.inventory.messaging..";

	private static final String PERSISTENCE = "io.orderflow.inventory.persistence..";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.orderflow.inventory");

	@Test
	void keepsTheDomainPlainJava() {
		classes().that()
			.resideInAPackage(DOMAIN)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", DOMAIN)
			.check(this.classes);
	}

	@Test
	void keepsTheUseCasesFreeOfAdapters() {
		noClasses().that()
			.resideInAPackage(APPLICATION)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB, MESSAGING, PERSISTENCE, "io.orderflow.contract..", "io.orderflow.messaging..",
					"io.orderflow.web..", "org.apache.kafka..")
			.check(this.classes);
	}

	@Test
	void keepsTheAdaptersIndependentOfEachOther() {
		noClasses().that()
			.resideInAPackage(WEB)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(MESSAGING, PERSISTENCE)
			.check(this.classes);
		noClasses().that()
			.resideInAPackage(MESSAGING)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB, PERSISTENCE)
			.check(this.classes);
		noClasses().that()
			.resideInAPackage(PERSISTENCE)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB, MESSAGING)
			.check(this.classes);
	}

	@Test
	void speaksTheInventoryContractOnlyInTheMessagingAdapter() {
		noClasses().that()
			.resideOutsideOfPackage(MESSAGING)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.contract..")
			.check(this.classes);
	}

	@Test
	void keepsHttpInTheWebAdapter() {
		noClasses().that()
			.resideOutsideOfPackage(WEB)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.web..", "org.springframework.web..")
			.check(this.classes);
	}

}
