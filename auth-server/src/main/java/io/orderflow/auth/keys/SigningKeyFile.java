package io.orderflow.auth.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The RSA signing key in a JWK JSON file. Read at every start; created on the first start
 * only when allowed, since a new key silently invalidates every token already handed out.
 */
public final class SigningKeyFile {

	private static final int KEY_SIZE = 2048;

	private final Path file;

	private final boolean generateIfMissing;

	public SigningKeyFile(Path file, boolean generateIfMissing) {
		if (file == null) {
			throw new IllegalStateException("orderflow.auth.key-file is not set: the signing key must be kept in a file"
					+ " so that a restart does not invalidate the tokens already issued");
		}
		this.file = file;
		this.generateIfMissing = generateIfMissing;
	}

	/** The key from the file, generated and written first if missing and allowed. */
	public RSAKey load() {
		if (Files.notExists(this.file)) {
			if (!this.generateIfMissing) {
				throw new IllegalStateException("Signing key file " + this.file.toAbsolutePath()
						+ " does not exist; provide an RSA JWK there (orderflow.auth.key-file) or set"
						+ " orderflow.auth.generate-key=true to create one on first start");
			}
			generate();
		}
		return read();
	}

	private RSAKey read() {
		try {
			JWK jwk = JWK.parse(Files.readString(this.file, StandardCharsets.UTF_8));
			if (!(jwk instanceof RSAKey rsaKey) || !rsaKey.isPrivate()) {
				throw new IllegalStateException(
						"Signing key file " + this.file.toAbsolutePath() + " does not hold a private RSA key");
			}
			return rsaKey;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read signing key file " + this.file.toAbsolutePath(), ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("Signing key file " + this.file.toAbsolutePath() + " is not a JWK", ex);
		}
	}

	private void generate() {
		try {
			RSAKey key = new RSAKeyGenerator(KEY_SIZE).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			Path directory = this.file.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			// Owner-only from creation on (never briefly world-readable), written whole
			// and then moved into place so a crash cannot leave half a key behind.
			Path partial = Files.createTempFile(directory, ".signing-key", ".tmp", ownerOnly());
			Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
			Files.move(partial, this.file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write signing key file " + this.file.toAbsolutePath(), ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	private FileAttribute<?>[] ownerOnly() {
		if (this.file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return new FileAttribute<?>[] {
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) };
		}
		return new FileAttribute<?>[0];
	}

}
