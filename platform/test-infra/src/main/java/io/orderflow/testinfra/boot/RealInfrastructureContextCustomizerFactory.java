package io.orderflow.testinfra.boot;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.orderflow.testinfra.Infrastructure;
import io.orderflow.testinfra.RealInfrastructure;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link RealInfrastructure} on a test class (directly, inherited, meta-present or
 * on an enclosing class of a {@code @Nested} test) and turns the union of what it asks
 * for into one {@link RealInfrastructureContextCustomizer}. Registered in
 * {@code META-INF/spring.factories}.
 */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		Set<Infrastructure> infrastructure = EnumSet.noneOf(Infrastructure.class);
		String database = collect(testClass, infrastructure);
		if (infrastructure.isEmpty()) {
			return null;
		}
		return new RealInfrastructureContextCustomizer(infrastructure, database);
	}

	/**
	 * Adds what {@code testClass} and its enclosing classes ask for; returns the nearest
	 * database name given.
	 */
	private static String collect(Class<?> testClass, Set<Infrastructure> infrastructure) {
		String database = "";
		List<MergedAnnotation<RealInfrastructure>> found = MergedAnnotations
			.from(testClass, SearchStrategy.TYPE_HIERARCHY)
			.stream(RealInfrastructure.class)
			.toList();
		for (MergedAnnotation<RealInfrastructure> annotation : found) {
			infrastructure.addAll(List.of(annotation.getEnumArray("value", Infrastructure.class)));
			if (database.isEmpty()) {
				database = annotation.getString("database");
			}
		}
		if (TestContextAnnotationUtils.searchEnclosingClass(testClass)) {
			String enclosing = collect(testClass.getEnclosingClass(), infrastructure);
			if (database.isEmpty()) {
				database = enclosing;
			}
		}
		return database;
	}

}
