package dev.tickflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tickflow.localstack.process.PidFile;
import dev.tickflow.localstack.process.ProcessIdentity;
import dev.tickflow.localstack.process.WatchedJvm;
import dev.tickflow.localstack.process.WatchedMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes recorded in a run directory, as up finds them after it was killed. */
class RunDirectoryTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void stopsAProcessOfAnUpThatIsGoneAndDeletesItsRecord() throws Exception {
        RunDirectory run = new RunDirectory(dataDir);
        Path pidFile = run.pidFile("ingest");
        Process leftover = start(List.of(java(), "-D" + WatchedMain.PID_FILE_PROPERTY + "=" + pidFile,
                "-cp", System.getProperty("java.class.path"), WatchedMain.class.getName(), Sleeper.class.getName()));
        awaitRecorded(pidFile);
        StringWriter out = new StringWriter();

        run.stopLeftovers(new PrintWriter(out, true));

        assertThat(leftover.isAlive()).isFalse();
        assertThat(out.toString()).contains("Stopping what an earlier 'tickflow up' left running: ingest (pid " + leftover.pid() + ")");
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void leavesAReusedPidAloneAndDeletesTheStaleRecord() throws Exception {
        RunDirectory run = new RunDirectory(dataDir);
        Path pidFile = run.pidFile("kafka");
        ProcessIdentity thisJvm = ProcessIdentity.current();
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, "pid=" + thisJvm.pid() + "\nstart=" + thisJvm.start().minusSeconds(60) + "\ncommand=java kafka.Kafka\n");
        StringWriter out = new StringWriter();

        run.stopLeftovers(new PrintWriter(out, true));

        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(out.toString()).as("nothing to stop").isEmpty();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void refusesWhileTheUpThatStartedThemStillRuns() throws Exception {
        RunDirectory run = new RunDirectory(dataDir);
        Path pidFile = run.pidFile("registry");
        Process child = start(WatchedJvm.command(List.of("-Xmx32m"), System.getProperty("java.class.path"), Sleeper.class.getName(),
                List.of(), Optional.of(pidFile)));
        awaitRecorded(pidFile);

        assertThatThrownBy(() -> run.stopLeftovers(new PrintWriter(new StringWriter())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Another 'tickflow up' (pid " + ProcessHandle.current().pid() + ") is running on " + dataDir);
        assertThat(child.isAlive()).as("the running up's part is left alone").isTrue();
    }

    private Process start(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        started.add(process);
        return process;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitRecorded(Path pidFile) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (PidFile.read(pidFile).flatMap(PidFile::runningProcess).isEmpty()) {
            assertThat(System.nanoTime()).as("%s recorded within %s", pidFile, GENEROUS).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
