package dev.tickflow.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run Tickflow locally: Kafka, a schema registry and the topics on 127.0.0.1.",
                "Starts a real Kafka broker (KRaft) and a Confluent-compatible schema registry (Apicurio), keeps their data "
                        + "in --data-dir and creates every topic of the catalog.",
                "Ctrl+C stops every part cleanly; running it again continues with the same topics, offsets and schema ids."})
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the broker and registry keep their data and logs (default: .tickflow in the Tickflow directory).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka's client port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--controller-port", defaultValue = "9093", description = "The KRaft controller's port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "The schema registry's port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDir != null ? dataDir : TickflowHome.directory().resolve(".tickflow");
        for (var port : List.of(Map.entry("--kafka-port", kafkaPort), Map.entry("--controller-port", controllerPort),
                Map.entry("--registry-port", registryPort))) {
            requireFree(port.getKey(), port.getValue());
        }

        try (LocalStack stack = new LocalStack(data, out)) {
            stack.startKafka(kafkaPort, controllerPort);
            stack.startRegistry(registryPort);
            stack.createTopics();
            out.println();
            out.println("Tickflow is up.");
            out.printf("  Kafka bootstrap servers  %s%n", stack.bootstrapServers());
            out.printf("  Schema registry          %s  (Confluent API)%n", stack.registryUrl());
            out.printf("  Data and logs            %s%n", data.toAbsolutePath());
            out.println("  Services                 not started by 'up' yet; run each in its own terminal:");
            out.println("                           ./tickflow ingest --speed 60    (simulated market, a minute per second)");
            out.println("                           ./tickflow aggregate            (candles)");
            out.println("                           ./tickflow strategy             (signals)");
            out.println("Press Ctrl+C to stop.");
            out.flush();
            awaitShutdown(stack, out);
        }
        return 0;
    }

    private void awaitShutdown(LocalStack stack, PrintWriter out) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("Stopping ...");
            out.flush();
            stack.close();
            stopped.countDown();
        }, "tickflow-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        while (!stopped.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            Optional<String> failure = stack.failure();
            if (failure.isPresent()) {
                out.println("tickflow: " + failure.get());
                out.flush();
                Runtime.getRuntime().removeShutdownHook(hook);
                return;
            }
            if (System.console() != null) {
                out.print("\r" + stack.statusLine());
                out.flush();
            }
        }
    }

    private static void requireFree(String option, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use (is another Kafka, registry or 'tickflow up' running?). "
                    + "Stop it, or choose another port with " + option + ".");
        }
    }
}
