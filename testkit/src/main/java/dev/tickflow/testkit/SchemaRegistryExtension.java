package dev.tickflow.testkit;

import dev.tickflow.localstack.process.ApicurioRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link ApicurioRegistry} parameter: one in-memory registry with BACKWARD compatibility,
 * started on first use, shared by every test in the JVM and stopped after the last one. Use it through
 * {@link WithSchemaRegistry @WithSchemaRegistry}. Tests share the registry, so give each test its own
 * subjects, for example from {@link TestTopics} names.
 */
public final class SchemaRegistryExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SchemaRegistryExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ApicurioRegistry.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return registry(context);
    }

    /** The registry shared by all tests in this JVM, started now if it is not running yet. */
    public static ApicurioRegistry registry(ExtensionContext context) {
        // The root store closes AutoCloseable values after the last test.
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ApicurioRegistry.class, key -> {
            ApicurioRegistry.Builder builder = ApicurioRegistry.builder();
            // Under Maven the working directory is the module: keep the registry's log with the build output.
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                builder.logFile(target.resolve("apicurio-registry.log"));
            }
            return builder.start();
        }, ApicurioRegistry.class);
    }
}
