package dev.tickflow.runtime;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Runs one {@link StreamsApp} in its own JVM without the {@code tickflow} command, as the services' restart tests do:
 * {@code java -cp CLASSPATH dev.tickflow.runtime.StreamsAppMain APP_CLASS [CONFIG_FILE]}, for example
 * {@code dev.tickflow.aggregate.AggregateApp aggregate.properties}. See {@link ServiceMain} for the rest.
 */
public final class StreamsAppMain {

    private StreamsAppMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: StreamsAppMain APP_CLASS [CONFIG_FILE]");
            System.exit(2);
        }
        StreamsApp app = instantiate(args[0]);
        ServiceMain.run(app.name(), app.configDefinition(), Arrays.copyOfRange(args, 1, args.length),
                (config, out, err) -> new StreamsService(app, config, out, err).run());
    }

    /** A new instance of the StreamsApp class {@code className}, through its public no-argument constructor. */
    static StreamsApp instantiate(String className) {
        try {
            return Class.forName(className).asSubclass(StreamsApp.class).getConstructor().newInstance();
        } catch (ClassNotFoundException | ClassCastException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException(className + " is not a StreamsApp with a public no-argument constructor: " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("creating " + className + " failed: " + e.getCause(), e.getCause());
        }
    }
}
