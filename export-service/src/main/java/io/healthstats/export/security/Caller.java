package io.healthstats.export.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking for an export: the OAuth2 client and the region its token is bound to. The
 * export-service reads upstream with its own token for the whole country, so it enforces the caller's
 * subtree itself: a region outside it, or another region's job, is answered like a missing one.
 */
public record Caller(String client, String region, List<String> scopes) {

	/** The root above every province. */
	public static final String COUNTRY = "000000";

	public static Caller of(Jwt jwt) {
		String client = jwt.hasClaim("client_id") ? jwt.getClaimAsString("client_id") : jwt.getSubject();
		List<String> scopes = jwt.hasClaim("scope") ? jwt.getClaimAsStringList("scope") : List.of();
		return new Caller(client, jwt.getClaimAsString("region"), scopes == null ? List.of() : scopes);
	}

	public boolean covers(String code) {
		return covers(this.region, code);
	}

	public boolean canRead() {
		return this.scopes.contains("read");
	}

	/** Whether {@code code} lies in the subtree of {@code root} (GB/T 2260 codes; {@link #COUNTRY} covers all). */
	public static boolean covers(String root, String code) {
		if (root == null || code == null || root.length() != 6 || code.length() != 6) {
			return false;
		}
		return code.startsWith(prefix(root));
	}

	/** The code prefix every region of this caller's subtree shares ("" for the country). */
	public String subtreePrefix() {
		return prefix(this.region);
	}

	public static String prefix(String root) {
		if (COUNTRY.equals(root)) {
			return "";
		}
		if (root.endsWith("0000")) {
			return root.substring(0, 2);
		}
		if (root.endsWith("00")) {
			return root.substring(0, 4);
		}
		return root;
	}

}
