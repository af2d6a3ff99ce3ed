package dev.tickflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * Kafka's own consumer benchmark ({@link ConsumerPerformance} from kafka-tools, in this JVM) on a topic: the raw
 * rate a plain consumer reads it at, the baseline the aggregation is compared with. Its result line is parsed by the
 * column names of its header.
 */
final class RawConsumerBench {
    private RawConsumerBench() {
    }

    /** What ConsumerPerformance reported: records, and records/s over its whole run (group join included). */
    record Result(long records, double recordsPerSecond, double fetchRecordsPerSecond, String rawOutput) {
    }

    static Result run(String bootstrapServers, String topic, long records, String group) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        synchronized (System.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ConsumerPerformance.main(new String[] {"--bootstrap-server", bootstrapServers, "--topic", topic, "--num-records",
                        Long.toString(records), "--group", group, "--timeout", "60000"});
            } finally {
                System.setOut(original);
            }
        }
        return parse(captured.toString(StandardCharsets.UTF_8));
    }

    static Result parse(String output) {
        List<String> lines = output.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time")) {
                header = i;
            }
        }
        if (header < 0) {
            throw new IllegalStateException("ConsumerPerformance printed no result: " + output);
        }
        List<String> names = Arrays.stream(lines.get(header).split(",")).map(String::trim).toList();
        // warnings (such as a timeout) may come between the header and the values
        String[] values = lines.stream().skip(header + 1L).map(line -> line.split(","))
                .filter(fields -> fields.length == names.size()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unexpected ConsumerPerformance output: " + output));
        long records = Long.parseLong(values[names.indexOf("data.consumed.in.nMsg")].trim());
        double rate = Double.parseDouble(values[names.indexOf("nMsg.sec")].trim());
        double fetchRate = Double.parseDouble(values[names.indexOf("fetch.nMsg.sec")].trim());
        if (output.contains("Exiting before consuming the expected number of records")) {
            throw new IllegalStateException("ConsumerPerformance stopped early (" + records + " records): " + output.trim());
        }
        return new Result(records, rate, fetchRate, output);
    }
}
