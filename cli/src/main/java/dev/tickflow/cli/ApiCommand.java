package dev.tickflow.cli;

import dev.tickflow.api.ApiService;
import dev.tickflow.api.ApiSettings;
import dev.tickflow.config.TickflowConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Run the API and dashboard: REST and WebSocket over what the topics hold, the dashboard at /, the API docs at /docs.",
                "Reads every topic from its beginning into bounded in-memory views (no consumer group) and writes control.symbols"
                        + " for POST/DELETE /symbols/{symbol}. Listens on 127.0.0.1:8080 by default; any other address requires"
                        + " api.token (see docs/api.md).",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C."})
final class ApiCommand implements Callable<Integer> {
    static final String NAME = "api";

    @Mixin
    ConfigOption config = new ConfigOption();

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Overrides api.host (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Overrides api.port (default 8080; 0 for any free port).")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TickflowConfig loaded = config.loadAndPrint(NAME, ApiSettings.definition(), out, overrides());
        return new ApiService(loaded, out).run();
    }

    Map<String, String> overrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (host != null) {
            overrides.put(ApiSettings.HOST, host);
        }
        if (port != null) {
            overrides.put(ApiSettings.PORT, String.valueOf(port));
        }
        return overrides;
    }
}
