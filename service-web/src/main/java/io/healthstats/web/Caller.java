package io.healthstats.web;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the OAuth2 client, the region its token is bound to and its scopes. A caller sees and
 * writes only inside its region's subtree ({@link RegionScope}). Controllers take it as a parameter
 * ({@link CallerArgumentResolver}).
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

	public boolean canRead() {
		return this.scopes.contains("read");
	}

	public boolean canWrite() {
		return this.scopes.contains("write");
	}

	/** The code prefix every region of this caller's subtree shares ("" for the country). */
	public String subtreePrefix() {
		return RegionScope.prefix(this.region);
	}

}
