package io.healthstats.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.healthstats.platform.watchdog.LauncherWatchdog;

/**
 * Writes the {@link LauncherWatchdog} agent into a jar of its own: the JVM loads agents from a
 * jar's root, while in the launcher's executable jar the class sits under {@code BOOT-INF/classes}.
 */
public final class WatchdogAgentJar {

	private WatchdogAgentJar() {
	}

	public static Path write(Path jar) {
		String entry = LauncherWatchdog.class.getName().replace('.', '/') + ".class";
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), LauncherWatchdog.class.getName());
		try (InputStream bytes = LauncherWatchdog.class.getClassLoader().getResourceAsStream(entry)) {
			if (bytes == null) {
				throw new IllegalStateException("Class file " + entry + " not found");
			}
			Files.createDirectories(jar.getParent());
			try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
				out.putNextEntry(new JarEntry(entry));
				bytes.transferTo(out);
				out.closeEntry();
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the watchdog agent " + jar, ex);
		}
	}

}
