package dev.tickflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.api.ApiSettings;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.strategy.StrategySettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

class LocalServicesTest {
    private static final Map<String, ConfigDef> DEFINITIONS = Map.of(
            LocalServices.INGEST, IngestSettings.definition(),
            LocalServices.AGGREGATE, AggregateSettings.definition(),
            LocalServices.STRATEGY, StrategySettings.definition(),
            LocalServices.EXECUTOR, ExecutorSettings.definition(),
            LocalServices.API, ApiSettings.definition());

    @Test
    void theStackRunsEveryServiceOnItsDefaultPort() {
        List<LocalService> services = LocalServices.of(choices("simulate", List.of(), Optional.empty(), "paper"));
        assertThat(services).extracting(LocalService::name).containsExactly("ingest", "aggregate", "strategy", "executor", "api");
        assertThat(services).extracting(LocalService::defaultPort).containsExactly(8091, 8092, 8093, 8094, 8080);
        assertThat(services).allSatisfy(service -> assertThat(service.arguments()).containsExactly(service.name()));
        LocalService api = services.get(4);
        assertThat(api.portKey()).as("the API's health is on its own port").isEqualTo(ApiSettings.PORT);
        assertThat(api.homePath()).as("up shows the dashboard").isEqualTo("/");
    }

    @Test
    void notifyRunsOnlyWhenAWebhookIsConfigured() {
        LocalServices.Choices paper = choices("simulate", List.of(), Optional.empty(), "paper");
        assertThat(LocalServices.of(paper, Map.of("TICKFLOW_NOTIFY_TARGET_1_URL", " "))).extracting(LocalService::name).doesNotContain("notify");
        for (String variable : List.of("TICKFLOW_NOTIFY_TARGET_1_URL", "TICKFLOW_NOTIFY_TARGET_5_URL_FILE")) {
            List<LocalService> services = LocalServices.of(paper, Map.of(variable, "set"));
            assertThat(services).extracting(LocalService::name).containsExactly("ingest", "aggregate", "strategy", "executor", "api", "notify");
            assertThat(services.get(5).defaultPort()).isEqualTo(8096);
            assertThat(services.get(5).portKey()).isEqualTo("http.port");
        }
    }

    @Test
    void onlyTheExecutorJvmGetsTheFullJitAndEachItsOwnHeap() {
        for (LocalService service : LocalServices.of(choices("simulate", List.of(), Optional.empty(), "paper"))) {
            List<String> options = ServiceJvm.jvmOptions(service);
            assertThat(options).contains("-Xmx" + service.heapMegabytes() + "m", "-XX:+UseSerialGC");
            if (service.name().equals(LocalServices.EXECUTOR)) {
                assertThat(options).as("the executor compiles with C2").noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
            } else {
                assertThat(options).as(service.name() + " stops at C1").contains("-XX:TieredStopAtLevel=1");
            }
        }
    }

    @Test
    void theExecutorUsesTheChosenBroker() {
        for (String broker : List.of("paper", "binance")) {
            LocalService executor = LocalServices.of(choices("simulate", List.of(), Optional.empty(), broker)).get(3);
            assertThat(ExecutorSettings.from(load(executor)).venue()).isEqualTo(broker);
        }
    }

    @Test
    void binanceNeedsItsKeyAndSecretOrSecretFileInTheEnvironmentAndPaperNothing() {
        LocalServices.Choices binance = choices("simulate", List.of(), Optional.empty(), "binance");
        assertThat(LocalServices.missingEnvironment(binance, Map.of())).containsExactly("TICKFLOW_EXECUTOR_BINANCE_API_KEY",
                "TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE)");
        assertThat(LocalServices.missingEnvironment(binance, Map.of("TICKFLOW_EXECUTOR_BINANCE_API_KEY", "k",
                "TICKFLOW_EXECUTOR_BINANCE_API_SECRET", " "))).containsExactly("TICKFLOW_EXECUTOR_BINANCE_API_SECRET (or TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE)");
        assertThat(LocalServices.missingEnvironment(binance, Map.of("TICKFLOW_EXECUTOR_BINANCE_API_KEY", "k",
                "TICKFLOW_EXECUTOR_BINANCE_API_SECRET", "s"))).isEmpty();
        assertThat(LocalServices.missingEnvironment(binance, Map.of("TICKFLOW_EXECUTOR_BINANCE_API_KEY", "k",
                "TICKFLOW_EXECUTOR_BINANCE_API_SECRET_FILE", "/run/secrets/binance"))).isEmpty();
        assertThat(LocalServices.missingEnvironment(choices("simulate", List.of(), Optional.empty(), "paper"), Map.of())).isEmpty();
    }

    @Test
    void aContinuedSimulatorStartsAfterTheEarlierTradesWithHigherIds() {
        MarketResume resume = new MarketResume(Instant.parse("2026-01-01T10:02:00Z"), 12_345);
        LocalService ingest = LocalServices.of(new LocalServices.Choices("simulate", 120, List.of("SOLUSDT"), Optional.of(resume), "paper")).get(0);

        IngestSettings settings = IngestSettings.from(load(ingest));
        assertThat(settings.source()).isEqualTo("simulate");
        assertThat(settings.simulatorSpeed()).isEqualTo(120.0);
        assertThat(settings.symbols()).containsExactly("SOLUSDT");
        assertThat(settings.simulatorStart()).contains(resume.start());
        assertThat(settings.simulatorFirstTradeId()).isEqualTo(12_345);
        assertThat(ingest.description()).contains("120x", "continuing at 2026-01-01T10:02:00Z");
    }

    @Test
    void liveBinanceHasNoSimulatorSettings() {
        LocalService ingest = LocalServices.of(choices("binance", List.of(), Optional.empty(), "paper")).get(0);
        assertThat(ingest.settings()).containsOnlyKeys(IngestSettings.SOURCE).containsEntry(IngestSettings.SOURCE, "binance");
        assertThat(IngestSettings.from(load(ingest)).source()).isEqualTo("binance");
    }

    @Test
    void everySettingIsAKeyOfItsService() {
        MarketResume resume = new MarketResume(Instant.parse("2026-01-01T10:02:00Z"), 7);
        for (LocalService service : LocalServices.of(choices("simulate", List.of("BTCUSDT"), Optional.of(resume), "binance"))) {
            ConfigDef definition = DEFINITIONS.get(service.name());
            assertThat(definition).as("a definition for %s", service.name()).isNotNull();
            assertThat(definition.names()).as("keys of %s", service.name()).containsAll(service.settings().keySet()).contains(service.portKey());
        }
    }

    private static LocalServices.Choices choices(String source, List<String> symbols, Optional<MarketResume> resume, String broker) {
        return new LocalServices.Choices(source, 60, symbols, resume, broker);
    }

    /** The service's configuration as it receives it from up: its settings as TICKFLOW_* variables. */
    private static TickflowConfig load(LocalService service) {
        Map<String, String> environment = new HashMap<>();
        service.settings().forEach((key, value) -> environment.put(TickflowConfig.environmentVariable(key), value));
        return TickflowConfig.load(Optional.empty(), environment, DEFINITIONS.get(service.name()));
    }
}
