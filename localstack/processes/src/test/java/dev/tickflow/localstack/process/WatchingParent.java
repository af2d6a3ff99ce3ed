package dev.tickflow.localstack.process;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parent for {@link WatchedMainIT}: starts {@link WatchedChild} through {@link WatchedJvm} with its pid file (the first
 * argument) and the child's arguments (the others), then runs until it is killed.
 */
public final class WatchingParent {

    private WatchingParent() {
    }

    public static void main(String[] args) throws Exception {
        List<String> command = WatchedJvm.command(List.of("-Xmx32m"), System.getProperty("java.class.path"), WatchedChild.class.getName(),
                Arrays.asList(args).subList(1, args.length), Optional.of(Path.of(args[0])));
        new ProcessBuilder(command).inheritIO().start();
        Thread.sleep(Long.MAX_VALUE);
    }
}
