package dev.tickflow.cli;

import dev.tickflow.localstack.LocalService;
import dev.tickflow.localstack.LocalServices;
import dev.tickflow.localstack.LocalStack;
import dev.tickflow.localstack.MarketResume;
import dev.tickflow.localstack.RunDirectory;
import dev.tickflow.localstack.ServiceJvm;
import dev.tickflow.localstack.TickflowHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole of Tickflow locally, on 127.0.0.1, until Ctrl+C.",
                "",
                "Starts a real Kafka broker (KRaft) and a Confluent-compatible schema registry (Apicurio) with their data in"
                        + " --data-dir, creates every topic of the catalog, then runs each service as 'tickflow <service>' in a JVM of"
                        + " its own (its log in DATA-DIR/logs/<service>.log):",
                "  ingest     trades into md.trades: a simulated market (default; --speed 60, so a 1-minute candle closes every"
                        + " second and the first signals come within about a minute) or live Binance Spot Testnet trades"
                        + " (--source binance)",
                "  aggregate  final candles (md.candles.1m, .5m, .15m, .1h)",
                "  strategy   SMA/EMA crossover signals of strategy instances A and B (strategy.signals)",
                "  executor   orders, fills and positions (oms.*) from the signals: the paper broker (default; simulated fills,"
                        + " no exchange) or Binance Spot (--broker binance, with TICKFLOW_EXECUTOR_BINANCE_API_KEY and"
                        + " TICKFLOW_EXECUTOR_BINANCE_API_SECRET from the environment; the Spot Testnet unless configured otherwise)",
                "  api        REST and WebSocket API with the dashboard at http://127.0.0.1:8080/ and the API docs at /docs",
                "",
                "It prints each part as it starts and how long it took, then where the dashboard and everything else are and a"
                        + " status line with the end offsets of the main topics (trades, candles, signals, orders, fills). Ctrl+C (or SIGTERM) stops the services first, then the registry and the"
                        + " broker. Running it again continues: topics, offsets, schema ids and Kafka Streams state are kept, and"
                        + " the simulator continues after the trades already written (new trade ids, later trade times).",
                "",
                "Configuration: TICKFLOW_* variables in the environment reach every service (for example"
                        + " TICKFLOW_STRATEGY_INSTANCES_FILE=my-instances.properties); up sets the brokers, the registry, the state"
                        + " directory and the ports. Each port has an option; a port in use stops up at once, naming it.",
                "",
                "If an earlier up on the same --data-dir was killed (kill -9), what it started stops by itself within a second;"
                        + " whatever of it still runs is stopped first (recorded in DATA-DIR/run).",
                ""},
        footer = {"", "Examples:",
                "  ./tickflow up                                  simulated BTCUSDT and ETHUSDT, a minute per second",
                "  ./tickflow up --speed 1 --symbols BTCUSDT,SOLUSDT   real time",
                "  ./tickflow up --source binance --data-dir .tickflow-live   live testnet trades (keep simulated and live data apart)",
                "  ./tickflow up --kafka-port 19092 --port aggregate=18092 --port api=18080",
                "  TICKFLOW_EXECUTOR_BINANCE_API_KEY=... TICKFLOW_EXECUTOR_BINANCE_API_SECRET=... ./tickflow up --broker binance",
                "",
                "Exit codes: 130 (Ctrl+C) or 143 (SIGTERM) after a clean stop; 1 a part failed to start or stopped unexpectedly"
                        + " (the message names its log), a port is in use, or --broker binance lacks its keys; 2 a bad option."})
final class UpCommand implements Callable<Integer> {

    @Option(names = "--source", defaultValue = LocalServices.SIMULATE, paramLabel = "SOURCE",
            description = "Market data: simulate (a generated market) or binance (live Spot Testnet trades). Default: ${DEFAULT-VALUE}.")
    String source;

    @Option(names = "--speed", defaultValue = "60", paramLabel = "X",
            description = "Simulated seconds per real second: 60 closes a 1-minute candle every second, 1 is real time. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--symbols", paramLabel = "A,B", split = ",",
            description = "Symbols to ingest (default: ingest's, BTCUSDT,ETHUSDT). More can be added while it runs through control.symbols.")
    List<String> symbols = List.of();

    @Option(names = "--broker", defaultValue = LocalServices.BROKER_PAPER, paramLabel = "BROKER",
            description = "Where the executor sends orders: paper (simulated fills, no exchange) or binance (Binance Spot, keys from"
                    + " TICKFLOW_EXECUTOR_BINANCE_API_KEY and TICKFLOW_EXECUTOR_BINANCE_API_SECRET). Default: ${DEFAULT-VALUE}.")
    String broker;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the broker, the registry and the services keep their data and logs (default: .tickflow in the Tickflow directory).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT", description = "Kafka's client port. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "9093", paramLabel = "PORT", description = "The KRaft controller's port. Default: ${DEFAULT-VALUE}.")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "PORT", description = "The schema registry's port. Default: ${DEFAULT-VALUE}.")
    int registryPort;

    @Option(names = "--port", paramLabel = "SERVICE=PORT",
            description = "A service's HTTP port (health and metrics), for example --port ingest=18091; repeatable."
                    + " Defaults: ingest 8091, aggregate 8092, strategy 8093, executor 8094, api 8080 (the dashboard and API).")
    Map<String, Integer> servicePorts = new LinkedHashMap<>();

    @Option(names = "--status-interval", defaultValue = "2s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often the status line is refreshed (in place on a terminal; a new line every 15 refreshes otherwise). Default: ${DEFAULT-VALUE}.")
    Duration statusInterval;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = (dataDir != null ? dataDir : TickflowHome.directory().resolve(".tickflow")).toAbsolutePath();
        validateOptions();
        requireEnvironment(System.getenv());
        List<LocalService> planned = LocalServices.of(choices(Optional.empty()), System.getenv());
        Map<String, Integer> ports = ports(planned);
        new RunDirectory(data).stopLeftovers(out);
        requireFree("--kafka-port", kafkaPort);
        requireFree("--controller-port", controllerPort);
        requireFree("--registry-port", registryPort);
        ports.forEach((service, port) -> requireFree("--port " + service + "=PORT", port));

        out.println("Starting Tickflow (data in " + data + ")");
        out.flush();
        long start = System.nanoTime();
        LocalStack stack = new LocalStack(data, TickflowCommand.class.getName(), out);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("Stopping ...");
            out.flush();
            stack.close();
        }, "tickflow-up-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stack.startKafkaAndRegistry(kafkaPort, controllerPort, registryPort);
            stack.createTopics();
            Optional<MarketResume> resume = stack.marketResume();
            if (LocalServices.BINANCE.equals(source)) {
                requireNoFutureTrades(resume, data);
            }
            stack.startServices(LocalServices.of(choices(resume), System.getenv()), ports);
        } catch (RuntimeException e) {
            removeHook(hook);
            stack.close();
            throw e;
        }
        printWhereThingsAre(out, stack, data, Duration.ofNanos(System.nanoTime() - start));
        return watch(stack, out, hook);
    }

    private LocalServices.Choices choices(Optional<MarketResume> resume) {
        return new LocalServices.Choices(source, speed, symbols, LocalServices.SIMULATE.equals(source) ? resume : Optional.empty(), broker);
    }

    /** Refuses, before anything starts, a choice whose secrets are not in the environment (only their names are shown). */
    void requireEnvironment(Map<String, String> environment) {
        List<String> missing = LocalServices.missingEnvironment(choices(Optional.empty()), environment);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("--broker " + broker + " needs the exchange's API key and secret in the environment: set "
                    + String.join(" and ", missing) + " (for the Spot Testnet, keys from https://testnet.binance.vision), or use --broker paper.");
        }
    }

    private void validateOptions() {
        if (!LocalServices.SIMULATE.equals(source) && !LocalServices.BINANCE.equals(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--source must be simulate or binance, not '" + source + "'");
        }
        if (!(speed > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be positive, not " + speed);
        }
        if (!LocalServices.BROKER_PAPER.equals(broker) && !LocalServices.BROKER_BINANCE.equals(broker)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--broker must be paper or binance, not '" + broker + "'");
        }
    }

    /** The HTTP port of each planned service: its --port, else its default. */
    private Map<String, Integer> ports(List<LocalService> planned) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        planned.forEach(service -> ports.put(service.name(), servicePorts.getOrDefault(service.name(), service.defaultPort())));
        servicePorts.keySet().stream().filter(name -> !ports.containsKey(name)).findFirst().ifPresent(unknown -> {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port " + unknown + "=...: no such service; the services are "
                    + String.join(", ", ports.keySet()));
        });
        return ports;
    }

    /** Live trades are hours behind a simulated clock that ran ahead: every one of them would be late. */
    private static void requireNoFutureTrades(Optional<MarketResume> resume, Path data) {
        Instant soon = Instant.now().plus(Duration.ofMinutes(5));
        if (resume.isPresent() && resume.get().start().isAfter(soon)) {
            throw new IllegalStateException("md.trades in " + data + " holds simulated trades up to " + resume.get().start()
                    + ", ahead of the real clock: live Binance trades would all be late for the candles. Use another --data-dir for --source binance.");
        }
    }

    private static void printWhereThingsAre(PrintWriter out, LocalStack stack, Path data, Duration startup) {
        out.println();
        out.printf("Tickflow is up (%.1f s).%n", startup.toMillis() / 1000.0);
        out.printf("  Kafka bootstrap servers  %s%n", stack.bootstrapServers());
        out.printf("  Schema registry          %s  (Confluent API)%n", stack.registryUrl());
        stack.services().stream().filter(service -> service.service().name().equals(ApiCommand.NAME)).findFirst().ifPresent(api -> {
            out.printf("  Dashboard: %s%n", api.home());
            out.printf("  API docs:  %s  (OpenAPI: %s)%n", api.home().resolve("/docs"), api.home().resolve("/openapi.json"));
        });
        for (ServiceJvm service : stack.services()) {
            out.printf("  %-24s %s  (log %s)%n", service.service().name(), service.home(), data.relativize(service.log()));
        }
        out.printf("  Data and logs            %s%n", data);
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /** Refreshes the status line until Ctrl+C/SIGTERM (the hook stops the stack) or until a part dies (exit 1). */
    private int watch(LocalStack stack, PrintWriter out, Thread hook) throws InterruptedException {
        boolean terminal = System.console() != null;
        for (long refresh = 0; ; refresh++) {
            Optional<String> failure = stack.failure();
            if (failure.isPresent()) {
                out.println();
                out.println("tickflow: " + failure.get() + "; stopping the rest.");
                out.flush();
                removeHook(hook);
                stack.close();
                return 1;
            }
            if (terminal) {
                out.print("\r" + stack.statusLine() + "   ");
            } else if (refresh % 15 == 0) {
                out.println(stack.statusLine());
            }
            out.flush();
            Thread.sleep(statusInterval.toMillis());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C came first: the hook is running and stops the stack
        }
    }

    /** Checked after the leftovers of an earlier up on this data directory are stopped: what holds it now is not ours. */
    private static void requireFree(String option, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use by a process that this data directory's 'tickflow up'"
                    + " did not start (another Kafka, registry or service, or an up with another --data-dir). See which one with"
                    + " 'ss -ltnp sport = :" + port + "' and stop it, or choose another port with " + option + ".");
        }
    }
}
