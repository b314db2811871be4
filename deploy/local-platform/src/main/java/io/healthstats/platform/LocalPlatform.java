package io.healthstats.platform;

public final class LocalPlatform {

	public static void main(String[] args) {
	}

}
