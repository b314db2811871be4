package io.healthstats.export.security;

import java.util.List;

import io.healthstats.web.RegionScope;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking for an export: the OAuth2 client and the region its token is bound to. The
 * export-service reads upstream with its own token for the whole country, so it enforces the caller's
 * subtree itself: a region outside it, or another region's job, is answered like a missing one.
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

	/** The code prefix every region of this caller's subtree shares ("" for the country). */
	public String subtreePrefix() {
		return RegionScope.prefix(this.region);
	}

}
