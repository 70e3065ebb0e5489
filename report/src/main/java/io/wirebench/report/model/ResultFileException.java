package io.wirebench.report.model;

import java.nio.file.Path;

/** A results file that cannot be read as JMH JSON: the message names the file and what is wrong. */
public final class ResultFileException extends RuntimeException {
    public ResultFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public ResultFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
