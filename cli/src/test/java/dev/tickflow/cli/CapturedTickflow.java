package dev.tickflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the tickflow command line in-process, as its command tests do, capturing what it prints. */
final class CapturedTickflow {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code tickflow args...}; returns its exit code. */
    int execute(String... args) {
        CommandLine commandLine = TickflowCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
