package dev.tickflow.testkit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test methods, lifecycle methods and constructors a {@link KafkaBroker} and {@link TestTopics}
 * parameter. The broker is started on first use, shared by every test in the JVM, and closed when all
 * tests have run. Use it through {@link WithKafka @WithKafka}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaBroker.class || type == TestTopics.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == KafkaBroker.class) {
            return broker(context);
        }
        // Stored per test, so a @BeforeEach method and the test itself get the same names.
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestTopics.class, key -> new TestTopics(
                context.getRequiredTestClass().getSimpleName(),
                context.getTestMethod().map(Method::getName).orElse(null),
                () -> broker(context)), TestTopics.class);
    }

    /** The broker shared by all tests in this JVM, started now if it is not running yet. */
    public static KafkaBroker broker(ExtensionContext context) {
        // The root store closes AutoCloseable values after the last test.
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KafkaBroker.class, key -> KafkaBroker.start(), KafkaBroker.class);
    }
}
