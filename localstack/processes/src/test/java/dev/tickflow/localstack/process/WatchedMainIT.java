package dev.tickflow.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs: a parent starts a child through {@link WatchedJvm}; the parent is killed with SIGKILL; the child goes. */
class WatchedMainIT {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theChildRecordsItselfAndStopsCleanlyWhenItsParentIsKilled() throws Exception {
        Path pidFile = dir.resolve("run").resolve("child.pid");
        Path journal = dir.resolve("journal");
        Process parent = startParent(pidFile, journal.toString());
        PidFile record = awaitRecord(pidFile);
        ProcessHandle child = record.runningProcess().orElseThrow();
        started.add(child);
        assertThat(record.parent()).contains(ProcessIdentity.of(parent.toHandle()).orElseThrow());
        assertThat(record.parentRunning()).isTrue();
        assertThat(record.commandLine()).contains("-D" + WatchedMain.PID_FILE_PROPERTY + "=" + pidFile);

        parent.destroyForcibly();

        assertThat(awaitGone(child, GENEROUS)).as("the child outlives its parent by less than %s", GENEROUS).isTrue();
        assertThat(Files.readAllLines(journal)).as("its shutdown hooks ran").containsExactly("stopping", "stopped cleanly");
        assertThat(pidFile).as("deleted on the clean exit").doesNotExist();
    }

    @Test
    void aChildThatDoesNotFinishStoppingIsHaltedAfterTheBound() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path journal = dir.resolve("journal");
        Process parent = startParent(pidFile, journal.toString(), WatchedChild.HANG);
        ProcessHandle child = awaitRecord(pidFile).runningProcess().orElseThrow();
        started.add(child);

        parent.destroyForcibly();

        Duration bound = ParentWatchdog.EXIT_BOUND.plus(GENEROUS);
        assertThat(awaitGone(child, bound)).as("halted within %s", bound).isTrue();
        assertThat(Files.readAllLines(journal)).as("it was asked to stop, and never finished").containsExactly("stopping");
        assertThat(PidFile.read(pidFile)).as("a halt leaves its record").isPresent()
                .get().satisfies(left -> assertThat(left.runningProcess()).isEmpty());
    }

    private Process startParent(Path pidFile, String... childArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), WatchingParent.class.getName(), pidFile.toString()));
        command.addAll(List.of(childArguments));
        Process parent = new ProcessBuilder(command).inheritIO().start();
        started.add(parent.toHandle());
        return parent;
    }

    private static PidFile awaitRecord(Path pidFile) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PidFile> record = PidFile.read(pidFile).filter(read -> read.runningProcess().isPresent());
            if (record.isPresent()) {
                return record.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no running child recorded in " + pidFile + " within " + GENEROUS);
    }

    private static boolean awaitGone(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
