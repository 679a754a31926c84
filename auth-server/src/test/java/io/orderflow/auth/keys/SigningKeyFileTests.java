package io.orderflow.auth.keys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyFileTests {

	@TempDir
	Path directory;

	@Test
	void generatesAnOwnerOnlyRsa2048KeyOnFirstStart() throws Exception {
		Path file = this.directory.resolve("keys/signing-key.json");

		RSAKey key = new SigningKeyFile(file, true).load();

		assertThat(key.size()).isEqualTo(2048);
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key.getKeyID()).isNotBlank();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void reloadsTheSameKeyOnTheNextStart() {
		Path file = this.directory.resolve("signing-key.json");
		RSAKey first = new SigningKeyFile(file, true).load();

		RSAKey second = new SigningKeyFile(file, true).load();

		assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(second.getModulus()).isEqualTo(first.getModulus());
		assertThat(second.getPrivateExponent()).isEqualTo(first.getPrivateExponent());
	}

	@Test
	void readsAnExistingKeyEvenWhenGenerationIsOff() {
		Path file = this.directory.resolve("signing-key.json");
		RSAKey generated = new SigningKeyFile(file, true).load();

		assertThat(new SigningKeyFile(file, false).load().getKeyID()).isEqualTo(generated.getKeyID());
	}

	@Test
	void failsWithAClearMessageWhenTheFileIsMissingAndGenerationIsOff() {
		Path file = this.directory.resolve("signing-key.json");

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyFile(file, false).load())
			.withMessageContaining(file.toString())
			.withMessageContaining("orderflow.auth.generate-key=true");
		assertThat(file).doesNotExist();
	}

	@Test
	void failsWhenNoKeyFileIsConfigured() {
		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyFile(null, true))
			.withMessageContaining("orderflow.auth.key-file");
	}

	@Test
	void refusesAFileWithoutAPrivateRsaKey() throws Exception {
		Path file = this.directory.resolve("signing-key.json");
		Files.writeString(file,
				new SigningKeyFile(this.directory.resolve("other.json"), true).load().toPublicJWK().toJSONString());

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyFile(file, false).load())
			.withMessageContaining("private RSA key");
	}

}
