package dev.tickflow.localstack.process;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a child JVM that cannot outlive this one: this JVM's Java, in a process group of its own, running
 * {@code mainClass} through {@link WatchedMain} with this JVM as its parent and, if given, its pid file.
 */
public final class WatchedJvm {

    private WatchedJvm() {
    }

    /**
     * @param jvmOptions options before the main class ({@code -Xmx...}, {@code -D...})
     * @param classPath  the child's class path; {@link WatchedMain}'s own location is added when it is not on it
     * @param pidFile    where the child records itself, if anywhere
     */
    public static List<String> command(List<String> jvmOptions, String classPath, String mainClass, List<String> arguments,
                                       Optional<Path> pidFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + WatchedMain.PARENT_PROPERTY + "=" + ProcessIdentity.current());
        pidFile.ifPresent(file -> command.add("-D" + WatchedMain.PID_FILE_PROPERTY + "=" + file.toAbsolutePath()));
        command.addAll(List.of("-cp", withWatchedMain(classPath), WatchedMain.class.getName(), mainClass));
        command.addAll(arguments);
        return ProcessLogs.inOwnProcessGroup(command);
    }

    private static String withWatchedMain(String classPath) {
        String location = location();
        return Arrays.asList(classPath.split(File.pathSeparator)).contains(location) ? classPath : classPath + File.pathSeparator + location;
    }

    /** The jar or directory {@link WatchedMain} is loaded from. */
    private static String location() {
        try {
            return Path.of(WatchedMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + WatchedMain.class.getName() + ": " + e.getMessage(), e);
        }
    }
}
