package io.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BuildTests {

	@TempDir
	Path root;

	private final Component provider = Components.standard()
		.stream()
		.filter((component) -> component.name().equals("payment-provider"))
		.findFirst()
		.orElseThrow();

	@Test
	void buildsTheSimulatorsModuleByItsPathWhenItsJarIsMissing() {
		Checkout checkout = new Checkout(this.root, "1.0");

		assertThat(Build.modulesToBuild(checkout, List.of(this.provider)))
			.containsExactly("local-stack/payment-provider");
	}

	@Test
	void findsTheJarOfAModuleNestedInTheCheckoutByItsArtifactId() throws IOException {
		Path jar = this.root.resolve("local-stack/payment-provider/target/payment-provider-1.0.jar");
		Files.createDirectories(jar.getParent());
		Files.createFile(jar);
		Checkout checkout = new Checkout(this.root, "1.0");

		assertThat(checkout.serviceJar("local-stack/payment-provider")).isEqualTo(jar);
		assertThat(Build.modulesToBuild(checkout, List.of(this.provider))).isEmpty();
	}

}
