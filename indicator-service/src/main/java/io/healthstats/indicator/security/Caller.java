package io.healthstats.indicator.security;

import java.util.List;

import io.healthstats.web.RegionScope;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the OAuth2 client and the region its token is bound to. A caller sees and writes
 * only inside its region's subtree; the GB/T 2260 code structure tells the subtree (province
 * {@code 34xxxx}, city {@code 3415xx}, county exactly).
 */
public record Caller(String client, String region, List<String> scopes) {

	public static Caller of(Jwt jwt) {
		String client = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
		List<String> scopes = jwt.hasClaim("scope") ? jwt.getClaimAsStringList("scope") : List.of();
		return new Caller(client, jwt.getClaimAsString("region"), scopes == null ? List.of() : scopes);
	}

	public boolean covers(String code) {
		return RegionScope.covers(this.region, code);
	}

	public boolean canWrite() {
		return this.scopes.contains("write");
	}

}
