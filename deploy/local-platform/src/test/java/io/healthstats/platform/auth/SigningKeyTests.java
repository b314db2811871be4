package io.healthstats.platform.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyTests {

	@TempDir
	Path data;

	@Test
	void keepsTheSameKeyAcrossRestartsSoIssuedTokensStayValid() throws Exception {
		Path file = this.data.resolve("auth/signing-key.jwk.json");

		RSAKey first = SigningKeyConfiguration.loadOrCreate(file);
		RSAKey second = SigningKeyConfiguration.loadOrCreate(file);

		assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
		assertThat(second.isPrivate()).isTrue();
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
	}

}
