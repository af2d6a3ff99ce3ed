package dev.tickflow.localstack.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The main class of every JVM the local stack starts: records the JVM in its pid file ({@value #PID_FILE_PROPERTY}),
 * starts a {@link ParentWatchdog} on the process named by {@value #PARENT_PROPERTY}, then runs the real main class (the
 * first argument) with the other arguments. So a third-party main (Kafka's, Apicurio's) stops when its parent dies,
 * without a change of its own. Uses nothing but the JDK: it shares the class path of whatever it runs.
 */
public final class WatchedMain {
    /** The {@link ProcessIdentity} of the process whose end stops this JVM. */
    public static final String PARENT_PROPERTY = "tickflow.parent";
    /** Where this JVM records its {@link PidFile}. */
    public static final String PID_FILE_PROPERTY = "tickflow.pid.file";

    private WatchedMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: " + WatchedMain.class.getName() + " MAIN_CLASS [ARGUMENT ...]");
            System.exit(2);
        }
        Optional<ProcessIdentity> parent = Optional.ofNullable(System.getProperty(PARENT_PROPERTY)).map(ProcessIdentity::parse);
        Optional.ofNullable(System.getProperty(PID_FILE_PROPERTY)).map(Path::of).ifPresent(file -> PidFile.recordThisProcess(file, parent));
        parent.ifPresent(ParentWatchdog::watch);
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
