package io.healthstats.platform.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The RSA key that signs access tokens. Kept in the platform's data folder when one is configured,
 * so that tokens issued before a restart stay valid and services that cached the JWK set keep
 * working.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	private static final Log logger = LogFactory.getLog(SigningKeyConfiguration.class);

	@Bean
	JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
		RSAKey key = StringUtils.hasText(properties.keyFile()) ? loadOrCreate(Path.of(properties.keyFile())) : generate();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	static RSAKey loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
			}
			RSAKey key = generate();
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
			restrictToOwner(temporary);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			logger.info("Created a new token signing key in " + file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or write the signing key " + file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The signing key " + file + " is not a valid JWK; delete it to get a new one",
					ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Windows: the data folder's own permissions apply
		}
	}

}
