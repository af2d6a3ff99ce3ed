package dev.tickflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

@Command(name = "jmh",
        description = {"Run the JMH micro-benchmarks of package dev.tickflow.bench.jmh: the aggregation's work per trade"
                + " (AggregationBenchmark), the simulator's trades and the ingest's writes to a local broker (IngestBenchmark), the"
                + " Binance aggTrade parser (AggTradeParserBenchmark).",
                "Takes JMH's own command line: [REGEX...] [JMH options], e.g. -l (list the benchmarks), -f 1 -wi 3 -i 5 -w 2s -r 2s,"
                        + " -p symbols=100, -rf json -rff results.json; -h shows every JMH option.",
                "Without options each benchmark runs in one forked JVM (this command's class path), 3 warm-up and 5 measured"
                        + " iterations of 2 s."})
final class JmhCommand implements Callable<Integer> {
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit (-h shows JMH's options).")
    boolean help;

    @Unmatched
    List<String> jmhArguments = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(jmhArguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "JMH: " + e.getMessage());
        }
        if (options.shouldHelp()) {
            options.showHelp();
            return 0;
        }
        if (options.shouldListProfilers()) {
            options.listProfilers();
            return 0;
        }
        if (options.shouldListResultFormats()) {
            options.listResultFormats();
            return 0;
        }
        PrintStream out = printStreamTo(spec.commandLine().getOut());
        Runner runner = new Runner(options, OutputFormatFactory.createFormatInstance(out, options.verbosity().orElse(Defaults.VERBOSITY)));
        if (options.shouldList()) {
            runner.list();
        } else if (options.shouldListWithParams()) {
            runner.listWithParams(options);
        } else {
            try {
                runner.run();
            } catch (NoBenchmarksException e) {
                throw new IllegalArgumentException("JMH: no benchmark matches " + options.getIncludes()
                        + "; 'tickflow bench jmh -l' lists them", e);
            } catch (RunnerException e) {
                throw new IllegalStateException("JMH: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        }
        out.flush();
        return 0;
    }

    /** JMH prints to a PrintStream; the command's output is a PrintWriter (the terminal, or what a test captures). */
    private static PrintStream printStreamTo(PrintWriter writer) {
        OutputStream lines = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (b == '\n') {
                    flush();
                }
            }

            @Override
            public void flush() {
                writer.write(line.toString(StandardCharsets.UTF_8));
                writer.flush();
                line.reset();
            }
        };
        return new PrintStream(lines, true, StandardCharsets.UTF_8);
    }
}
