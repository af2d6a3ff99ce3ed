package dev.tickflow.cli;

import java.nio.file.Path;

/** The Tickflow directory: where the launcher lives (it passes -Dtickflow.home), else the working directory. */
final class TickflowHome {
    static final String PROPERTY = "tickflow.home";

    private TickflowHome() {
    }

    static Path directory() {
        return Path.of(System.getProperty(PROPERTY, System.getProperty("user.dir")));
    }
}
