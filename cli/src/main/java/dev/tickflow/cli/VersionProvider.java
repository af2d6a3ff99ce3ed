package dev.tickflow.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = TickflowCommand.class.getPackage().getImplementationVersion();
        return new String[] {"tickflow " + (version == null ? "(development build)" : version)};
    }
}
