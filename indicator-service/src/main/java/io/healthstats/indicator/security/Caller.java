package io.healthstats.indicator.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the OAuth2 client and the region its token is bound to. A caller sees and writes
 * only inside its region's subtree; the GB/T 2260 code structure tells the subtree (province
 * {@code 34xxxx}, city {@code 3415xx}, county exactly).
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

	public boolean canWrite() {
		return this.scopes.contains("write");
	}

	/**
	 * Whether {@code code} lies in the subtree of {@code root} (both GB/T 2260 codes). {@link #COUNTRY}
	 * is the whole country: the platform's own services (the export-service) read with it.
	 */
	public static boolean covers(String root, String code) {
		if (root == null || code == null || root.length() != 6 || code.length() != 6) {
			return false;
		}
		return code.startsWith(prefix(root));
	}

	/**
	 * The code prefix every region of {@code root}'s subtree shares: none for the country, two digits
	 * for a province, four for a city, all six for a county.
	 */
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
