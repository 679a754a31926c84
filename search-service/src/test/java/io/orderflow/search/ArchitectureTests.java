package io.orderflow.search;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The roles of this flat package kept apart (STYLE.md): the engine behind the index and
 * query classes, the web behind the controllers, Kafka behind the listeners.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.orderflow.search");

	@Test
	void letsOnlyTheIndexAndQueryClassesTouchTheSearchEngine() {
		noClasses()
			.that(not(belongToAnyOf(IndexWriter.class, SearchIndices.class, OrderSearch.class, ProductSearch.class,
					ReindexRuns.class, Facets.class, EngineCalls.class, SearchConfiguration.class,
					OpenSearchCompatibility.class)))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("co.elastic.clients..")
			.check(this.classes);
	}

	@Test
	void keepsControllersAwayFromListenersKafkaAndTheEngine() {
		noClasses().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Listener")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "co.elastic.clients..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(IndexWriter.class)
			.check(this.classes);
	}

	@Test
	void keepsListenersAwayFromTheWebAndTheQueries() {
		noClasses().that()
			.haveSimpleNameEndingWith("Listener")
			.should()
			.dependOnClassesThat()
			.areAnnotatedWith(RestController.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("io.orderflow.web..", "org.springframework.web..")
			.orShould()
			.dependOnClassesThat()
			.haveSimpleNameEndingWith("Search")
			.check(this.classes);
	}

	@Test
	void consumesKafkaOnlyInListeners() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Listener")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(KafkaListener.class)
			.check(this.classes);
	}

	@Test
	void callsTheSourceServicesOnlyFromTheReindex() {
		noClasses().that(not(belongToAnyOf(Reindex.class, SourceClientConfiguration.class, SourceServices.class)))
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(SourceServices.class)
			.check(this.classes);
	}

}
