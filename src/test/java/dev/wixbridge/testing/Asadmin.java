package dev.wixbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Payara Server's {@code asadmin}, pointed at the test domain's admin port, as an admin runs it:
 * values that are secret go through a password file (owner-only, deleted after), never on the
 * command line.
 */
public final class Asadmin {

    private final Path executable;
    private final int adminPort;

    public Asadmin(Path payaraHome, int adminPort) {
        this.executable = payaraHome.resolve("bin/asadmin");
        this.adminPort = adminPort;
    }

    /** The domain of the it-payara-server runs (pom.xml). */
    public static Asadmin ofTestDomain() {
        return new Asadmin(Path.of(System.getProperty("it.payara-server.home", "target/payara6")),
                Integer.getInteger("it.payara-server.admin-port", 18148));
    }

    /** Runs one command; fails with its output when it fails. */
    public String run(String... command) {
        return runWithPasswords("AS_ADMIN_PASSWORD=\n", command);
    }

    /** {@code create-password-alias}: the value goes in the password file, as AS_ADMIN_ALIASPASSWORD. */
    public void createPasswordAlias(String alias, String value) {
        runWithPasswords("AS_ADMIN_PASSWORD=\nAS_ADMIN_ALIASPASSWORD=" + value + "\n", "create-password-alias", alias);
    }

    private String runWithPasswords(String passwords, String... command) {
        Path passwordFile = null;
        try {
            passwordFile = Files.createTempFile("asadmin", ".txt", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, passwords, StandardCharsets.UTF_8);
            List<String> line = new ArrayList<>(List.of(executable.toString(), "--port", String.valueOf(adminPort),
                    "--user", "admin", "--passwordfile", passwordFile.toString()));
            line.addAll(List.of(command));
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException ignored) {
                    // a temp file of the test run
                }
            }
        }
    }
}
