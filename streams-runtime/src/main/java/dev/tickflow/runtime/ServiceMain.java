package dev.tickflow.runtime;

import dev.tickflow.config.TickflowConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A service's {@code main} without the {@code tickflow} command: its configuration from the properties file named by
 * the only argument (none: the defaults) and the TICKFLOW_* environment, printed as every service prints it, then the
 * service until it stops; the JVM exits with the service's exit code.
 */
public final class ServiceMain {

    /** Runs a service on its configuration until it stops; returns its exit code. */
    @FunctionalInterface
    public interface Runner {
        int run(TickflowConfig config, PrintWriter out, PrintWriter err);
    }

    private ServiceMain() {
    }

    /** Runs service {@code name} with the keys of {@code definition}, then exits; a usage error exits 2. */
    public static void run(String name, ConfigDef definition, String[] args, Runner runner) {
        if (args.length > 1) {
            System.err.println(name + ": usage: [CONFIG_FILE]");
            System.exit(2);
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Optional<Path> file = args.length == 0 ? Optional.empty() : Optional.of(Path.of(args[0]));
        TickflowConfig config = TickflowConfig.load(file, System.getenv(), definition);
        printConfiguration(name, config, out);
        System.exit(runner.run(config, out, err));
    }

    /** Prints the configuration of {@code service}, secrets redacted, as every service prints it at start. */
    public static void printConfiguration(String service, TickflowConfig config, PrintWriter out) {
        out.println(service + ": configuration from " + config.source() + " and the environment:");
        config.describe().forEach((key, value) -> out.println("  " + key + "=" + value));
        out.flush();
    }
}
