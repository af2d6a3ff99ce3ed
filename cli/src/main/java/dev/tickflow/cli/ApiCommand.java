package dev.tickflow.cli;

import dev.tickflow.api.ApiService;
import dev.tickflow.api.ApiSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Run the API and dashboard: REST and WebSocket over what the topics hold, the dashboard at /, the API docs at /docs.",
                "Reads every topic from its beginning into bounded in-memory views (no consumer group) and writes control.symbols"
                        + " for POST/DELETE /symbols/{symbol}. Listens on 127.0.0.1:8080 by default; any other address requires"
                        + " api.token (see docs/api.md).",
                "Its topics must exist (tickflow topics create). Stops cleanly on SIGTERM/Ctrl+C."})
final class ApiCommand extends ServiceCommand {
    static final String NAME = "api";

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Overrides api.host (default 127.0.0.1).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Overrides api.port (default 8080; 0 for any free port).")
    Integer port;

    ApiCommand() {
        super(NAME, ApiSettings.definition(), (config, out, err) -> new ApiService(config, out).run());
    }

    @Override
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
