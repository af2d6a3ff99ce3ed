package dev.tickflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tickflow.localstack.process.ApicurioRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry itself is tested in localstack (ApicurioRegistryIT); this is what the extension adds. */
@WithSchemaRegistry
class SchemaRegistryExtensionIT {

    private static ApicurioRegistry registryFromBeforeAll;

    @BeforeAll
    static void rememberRegistry(ApicurioRegistry registry) {
        registryFromBeforeAll = registry;
    }

    @Test
    void allTestsShareOneRunningRegistryLoggingIntoTarget(ApicurioRegistry registry) {
        assertThat(registry).isSameAs(registryFromBeforeAll);
        assertThat(registry.isAlive()).isTrue();
        assertThat(registry.logFile()).isEqualTo(Path.of("target", "apicurio-registry.log"));
    }

    @Test
    void compatibilityIsBackward(ApicurioRegistry registry) throws Exception {
        HttpRequest config = HttpRequest.newBuilder(URI.create(registry.confluentApiUrl() + "/config")).GET().build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(config, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"compatibilityLevel\":\"BACKWARD\"");
    }
}
