package io.orderflow.notification;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What each role of this flat projection may touch (STYLE.md), as rules the build checks.
 */
class ArchitectureTests {

	private static final String PACKAGE = "io.orderflow.notification";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(PACKAGE);

	@Test
	void onlyTheRepositoryTalksToMongo() {
		noClasses().that()
			.haveNameNotMatching(role("NotificationRepository"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.data.mongodb.core",
					"org.springframework.data.mongodb.core.query..", "org.springframework.data.mongodb.core.index..",
					"com.mongodb..", "org.bson..")
			.check(CLASSES);
	}

	@Test
	void onlyTheDocumentAndTheRepositoryKnowTheMapping() {
		noClasses().that()
			.haveNameNotMatching(role("NotificationRepository", "Notification"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.data..")
			.check(CLASSES);
	}

	@Test
	void onlyTheListenerAndTheTemplatesKnowTheOrderContract() {
		noClasses().that()
			.haveNameNotMatching(role("OrderEventsListener", "NotificationTemplates", "NotificationMessaging"))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.orderflow.contract..")
			.check(CLASSES);
	}

	@Test
	void onlyTheListenerAndItsWiringKnowKafka() {
		noClasses().that()
			.haveNameNotMatching(role("OrderEventsListener", "NotificationMessaging"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.orderflow.messaging..")
			.check(CLASSES);
	}

	@Test
	void theApiDoesNotReachIntoConsumptionOrDelivery() {
		noClasses().that()
			.haveNameMatching(role("NotificationController", "NotificationStream"))
			.should()
			.dependOnClassesThat()
			.haveNameMatching(
					role("OrderEventsListener", "NotificationDelivery", "DeliveryRetries", "NotificationChannel"))
			.check(CLASSES);
	}

	@Test
	void everySendGoesThroughTheDeliveryThatRecordsIt() {
		noClasses().that()
			.haveNameNotMatching(role("NotificationDelivery"))
			.should()
			.callMethod(NotificationChannel.class, "send", Notification.class)
			.check(CLASSES);
	}

	@Test
	void usesNoOtherServicesCode() {
		noClasses().should()
			.dependOnClassesThat(resideInAPackage("io.orderflow..").and(not(resideInAnyPackage(PACKAGE + "..",
					"io.orderflow.contract..", "io.orderflow.messaging..", "io.orderflow.web.."))))
			.check(CLASSES);
	}

	/** The classes named, with their nested and anonymous classes. */
	private static String role(String... simpleNames) {
		return "\\Q" + PACKAGE + ".\\E(" + String.join("|", simpleNames) + ")(\\$.*)?";
	}

}
