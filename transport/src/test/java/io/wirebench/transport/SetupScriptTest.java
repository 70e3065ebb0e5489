package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * scripts/setup runs before anything is built (it installs the JDK and Maven), so it cannot ask the registry: its
 * package list is written by hand, and this test holds it to the registry. Every Debian package a transport's servers
 * or floor need ({@link Transports#debianPackages()}) is one the script installs when it is missing.
 */
class SetupScriptTest {

    @Test
    void setupInstallsEveryPackageTheTransportsNeed() throws Exception {
        String script = Files.readString(Path.of("../scripts/setup"), StandardCharsets.UTF_8);
        Set<String> installed = new TreeSet<>();
        Matcher m = Pattern.compile("missing\\+=\\(([a-z0-9.+-]+)\\)").matcher(script);
        while (m.find()) {
            installed.add(m.group(1));
        }
        assertTrue(installed.containsAll(Transports.debianPackages()), "scripts/setup installs " + installed + "; the transports need "
                + Transports.debianPackages());
    }
}
