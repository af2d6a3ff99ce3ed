package dev.tickflow.cli;

import dev.tickflow.notify.NotifyService;
import dev.tickflow.notify.NotifySettings;
import picocli.CommandLine.Command;

@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Run notify: posts fills, rejected orders and operational events (halts, commands, service failures,"
                + " reconciliation differences) to up to " + NotifySettings.MAX_TARGETS + " webhooks, as generic JSON or Slack,"
                + " Discord or Telegram messages, each event once per target (see docs/notify.md).",
                "Reads oms.fills, oms.orders and ops.events from where its group left off (a new group from the end). Needs at least"
                        + " notify.target.1.url (TICKFLOW_NOTIFY_TARGET_1_URL). Stops cleanly on SIGTERM/Ctrl+C."})
final class NotifyCommand extends ServiceCommand {
    static final String NAME = "notify";

    NotifyCommand() {
        super(NAME, NotifySettings.definition(), (config, out, err) -> new NotifyService(config, out).run());
    }
}
