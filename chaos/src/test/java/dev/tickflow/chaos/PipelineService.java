package dev.tickflow.chaos;

import dev.tickflow.aggregate.AggregateApp;
import dev.tickflow.aggregate.AggregateSettings;
import dev.tickflow.executor.ExecutorApp;
import dev.tickflow.executor.ExecutorSettings;
import dev.tickflow.ingest.IngestService;
import dev.tickflow.ingest.IngestSettings;
import dev.tickflow.runtime.StreamsAppMain;
import dev.tickflow.strategy.StrategyApp;
import dev.tickflow.strategy.StrategySettings;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.kafka.common.config.ConfigDef;

/** The four services of the pipeline, each started through its own {@code main} on one configuration file. */
enum PipelineService {
    INGEST(IngestService.class.getName(), null, IngestSettings::definition),
    AGGREGATE(StreamsAppMain.class.getName(), AggregateApp.class.getName(), AggregateSettings::definition),
    STRATEGY(StreamsAppMain.class.getName(), StrategyApp.class.getName(), StrategySettings::definition),
    EXECUTOR(StreamsAppMain.class.getName(), ExecutorApp.class.getName(), ExecutorSettings::definition);

    private final String mainClass;
    private final String appClass;
    private final Supplier<ConfigDef> definition;

    PipelineService(String mainClass, String appClass, Supplier<ConfigDef> definition) {
        this.mainClass = mainClass;
        this.appClass = appClass;
        this.definition = definition;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    ConfigDef definition() {
        return definition.get();
    }

    String mainClass() {
        return mainClass;
    }

    /** The arguments of its main: the app class for a Streams service, then the configuration file. */
    String[] arguments(Path configFile) {
        return appClass == null ? new String[] {configFile.toString()} : new String[] {appClass, configFile.toString()};
    }
}
