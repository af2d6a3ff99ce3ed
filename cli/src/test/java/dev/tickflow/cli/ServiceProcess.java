package dev.tickflow.cli;

import java.io.IOException;
import java.nio.file.Path;

/** A {@code tickflow} service command in its own JVM, as an operator runs it; its output goes to a log file. */
final class ServiceProcess extends dev.tickflow.runtime.fixtures.ServiceProcess {

    private ServiceProcess(String command, Path configFile, String logName) throws IOException {
        super("tickflow " + command, logName, TickflowCommand.class.getName(), command, "--config", configFile.toString());
    }

    /** Starts {@code tickflow <command> --config <configFile>} with the test classpath, logging to target/it-logs/{@code logName}. */
    static ServiceProcess start(String command, Path configFile, String logName) throws IOException {
        return new ServiceProcess(command, configFile, logName);
    }
}
