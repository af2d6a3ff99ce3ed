package dev.tickflow.ingest.replay;

import java.nio.file.Path;

/** A line of a trades or klines file that cannot be read; names the file, the line number and the problem. */
public class MalformedTradeLineException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long lineNumber;
    private final String problem;

    public MalformedTradeLineException(Path file, long lineNumber, String problem) {
        super(file + " line " + lineNumber + ": " + problem);
        this.file = file;
        this.lineNumber = lineNumber;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String problem() {
        return problem;
    }
}
