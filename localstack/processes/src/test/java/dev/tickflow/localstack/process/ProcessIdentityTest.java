package dev.tickflow.localstack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessIdentityTest {

    @Test
    void findsTheRunningProcessOnlyWithItsOwnStartInstant() {
        ProcessIdentity current = ProcessIdentity.current();
        assertThat(current.running()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
        ProcessIdentity samePidOtherProcess = new ProcessIdentity(current.pid(), current.start().minusSeconds(1));
        assertThat(samePidOtherProcess.running()).as("a reused pid is another process").isEmpty();
    }

    @Test
    void isWrittenAndReadAsPidAtStart() {
        ProcessIdentity current = ProcessIdentity.current();
        assertThat(ProcessIdentity.parse(current.toString())).isEqualTo(current);
        assertThatThrownBy(() -> ProcessIdentity.parse("4711")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PID@START");
    }

    @Test
    void aRecordFindsItsProcessOnlyWithTheRecordedCommandLine(@TempDir Path dir) {
        Path file = dir.resolve("test.pid");
        PidFile.recordThisProcess(file, Optional.empty());
        PidFile record = PidFile.read(file).orElseThrow();
        assertThat(record.process()).isEqualTo(ProcessIdentity.current());
        assertThat(record.parentRunning()).as("no parent recorded").isFalse();
        assertThat(record.runningProcess()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());
        PidFile otherCommand = new PidFile(file, record.process(), Optional.empty(), "java -jar something-else.jar");
        assertThat(otherCommand.runningProcess()).as("same id and start, another command line: not the recorded process").isEmpty();
    }

    @Test
    void aFileThatIsNoRecordReadsAsNone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("other.pid"), "4711\n");
        assertThat(PidFile.read(file)).isEmpty();
        assertThat(PidFile.read(dir.resolve("missing.pid"))).isEmpty();
    }
}
