package dev.tickflow.localstack;

import java.nio.file.Path;

/** The Tickflow directory: where the launcher lives (it passes -Dtickflow.home), else the working directory. */
public final class TickflowHome {
    public static final String PROPERTY = "tickflow.home";

    private TickflowHome() {
    }

    public static Path directory() {
        return Path.of(System.getProperty(PROPERTY, System.getProperty("user.dir")));
    }
}
