package io.wirebench.transport.server;

import java.nio.file.Path;
import java.util.List;

/**
 * A server program a transport runs on, as the suite records and polices it: its name (the {@code server.<name>} line
 * of {@code environment.txt}, which the regression gate compares), the Debian package it comes from, the command that
 * prints its version, and the names of the processes it runs (which a finished run must not leave behind).
 */
public record ServerProgram(String name, String debianPackage, List<String> versionCommand, List<String> processNames) {
    public ServerProgram {
        versionCommand = List.copyOf(versionCommand);
        processNames = List.copyOf(processNames);
        if (versionCommand.isEmpty() || processNames.isEmpty()) {
            throw new IllegalArgumentException(name + ": a server program needs a version command and a process name");
        }
    }

    /** Whether {@code command} (a process's executable path) is one of this program's processes. */
    public boolean runs(String command) {
        String file = Path.of(command).getFileName().toString();
        return processNames.stream().anyMatch(file::equals);
    }
}
