package dev.tickflow.notify;

import dev.tickflow.config.CommonConfig;
import dev.tickflow.config.ConfigKeys;
import dev.tickflow.config.TickflowConfig;
import dev.tickflow.serde.ExponentialBackoff;
import dev.tickflow.topics.TopicCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * What the notify service needs to know; every key is under {@code notify.} (docs/notify.md lists them). Targets are
 * numbered slots {@code notify.target.<n>.*}, n from 1 to {@value #MAX_TARGETS}; a slot is in use when its URL is set.
 * URLs and the Telegram bot token are passwords: printing the configuration shows them as [hidden], and no message
 * of this class quotes them.
 *
 * @param dataDir where the delivered-ids log lives
 */
public record NotifySettings(TopicCatalog topics, List<WebhookTarget> targets, RetryPolicy retry, Duration requestTimeout, Path dataDir,
                             int deliveredIdsCapacity) {

    public static final String APPLICATION_ID = "tickflow-notify";
    public static final int DEFAULT_HTTP_PORT = 8096;
    public static final int MAX_TARGETS = 5;
    public static final String PREFIX = "notify.";
    public static final String RETRY_MAX_ATTEMPTS = PREFIX + "retry.max.attempts";
    public static final String RETRY_INITIAL_MS = PREFIX + "retry.initial.ms";
    public static final String RETRY_MAX_MS = PREFIX + "retry.max.ms";
    public static final String REQUEST_TIMEOUT_MS = PREFIX + "request.timeout.ms";
    public static final String DATA_DIR = PREFIX + "data.dir";
    public static final String DELIVERED_IDS_CAPACITY = PREFIX + "delivered.ids.capacity";
    static final String URL = "url";
    static final String URL_FILE = "url.file";
    static final String NAME = "name";
    static final String FORMAT = "format";
    static final String CHAT_ID = "telegram.chat.id";
    static final String BOT_TOKEN = "telegram.bot.token";
    static final String BOT_TOKEN_FILE = "telegram.bot.token.file";
    static final String KINDS = "kinds";
    static final String SEVERITIES = "severities";
    static final String TOPICS = "topics";
    static final List<String> READ_TOPICS = List.of(TopicCatalog.FILLS, TopicCatalog.ORDERS, TopicCatalog.OPERATIONAL_EVENTS);

    public NotifySettings {
        Objects.requireNonNull(topics, "topics");
        targets = List.copyOf(targets);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The key {@code notify.target.<slot>.<property>}. */
    public static String targetKey(int slot, String property) {
        return PREFIX + "target." + slot + "." + property;
    }

    public static ConfigDef definition() {
        ConfigDef definition = CommonConfig.definition(APPLICATION_ID, DEFAULT_HTTP_PORT)
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 6, Range.atLeast(1), Importance.MEDIUM,
                        "Attempts per notification and target on connection errors, 408, 429 and 5xx before it is given up (dead-letter log line).")
                .define(RETRY_INITIAL_MS, Type.LONG, 1_000L, Range.atLeast(0), Importance.LOW, "Wait before the first retry; doubles per retry.")
                .define(RETRY_MAX_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                        "Longest wait between two attempts; also the most a Retry-After header is honoured.")
                .define(REQUEST_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(1), Importance.LOW, "Connect and response timeout of one POST.")
                .define(DATA_DIR, Type.STRING, null, Importance.MEDIUM,
                        "Directory of the delivered-ids log; default <state.dir>/<application.id>. Keep it across restarts.")
                .define(DELIVERED_IDS_CAPACITY, Type.INT, 100_000, Range.atLeast(1), Importance.LOW,
                        "How many (target, event id) pairs the delivered-ids log remembers; the oldest are forgotten first.");
        for (int slot = 1; slot <= MAX_TARGETS; slot++) {
            definition
                    .define(targetKey(slot, URL), Type.PASSWORD, null, Importance.HIGH,
                            "Webhook URL of target " + slot + " (for telegram: the Bot API base URL); a secret, never logged in full.")
                    .define(targetKey(slot, URL_FILE), Type.STRING, null, Importance.MEDIUM,
                            "A file whose content (trimmed) is the URL of target " + slot + ", such as a mounted secret.")
                    .define(targetKey(slot, NAME), Type.STRING, "target-" + slot, new ConfigDef.NonEmptyString(), Importance.LOW,
                            "Name of target " + slot + " in logs and metrics.")
                    .define(targetKey(slot, FORMAT), Type.STRING, "json", ValidString.in("json", "slack", "discord", "telegram"), Importance.HIGH,
                            "Payload of target " + slot + ": json, slack, discord or telegram.")
                    .define(targetKey(slot, CHAT_ID), Type.STRING, null, Importance.MEDIUM, "telegram: the chat_id to send to.")
                    .define(targetKey(slot, BOT_TOKEN), Type.PASSWORD, null, Importance.MEDIUM, "telegram: the bot token (a secret).")
                    .define(targetKey(slot, BOT_TOKEN_FILE), Type.STRING, null, Importance.MEDIUM, "telegram: a file holding the bot token.")
                    .define(targetKey(slot, KINDS), Type.LIST, "", Importance.MEDIUM,
                            "Kinds target " + slot + " receives (FILL, ORDER_REJECTED, HALTED, SERVICE_FAILED, ...); empty for all.")
                    .define(targetKey(slot, SEVERITIES), Type.LIST, "", Importance.MEDIUM,
                            "Severities target " + slot + " receives (INFO, WARNING, CRITICAL); empty for all.")
                    .define(targetKey(slot, TOPICS), Type.LIST, "", Importance.MEDIUM,
                            "Topics target " + slot + " receives (" + String.join(", ", READ_TOPICS) + "); empty for all.");
        }
        return definition;
    }

    /**
     * @throws ConfigException when no target is configured or one is incomplete; the message names keys, never values
     */
    public static NotifySettings from(TickflowConfig config) {
        List<WebhookTarget> targets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int slot = 1; slot <= MAX_TARGETS; slot++) {
            String url = secretOrFile(config, targetKey(slot, URL), targetKey(slot, URL_FILE));
            if (url == null) {
                continue;
            }
            WebhookTarget target = target(config, slot, url);
            if (!names.add(target.name())) {
                throw new ConfigException("Two targets are named '" + target.name() + "'; give each a different " + targetKey(slot, NAME) + ".");
            }
            targets.add(target);
        }
        if (targets.isEmpty()) {
            throw new ConfigException("No webhook target: set " + targetKey(1, URL) + " (or " + targetKey(1, URL_FILE)
                    + ", or the environment variable " + TickflowConfig.environmentVariable(targetKey(1, URL)) + "); see docs/notify.md.");
        }
        String dataDir = config.getString(DATA_DIR);
        Path data = dataDir == null || dataDir.isBlank()
                ? Path.of(config.getString(ConfigKeys.STATE_DIR), config.getString(ConfigKeys.APPLICATION_ID))
                : Path.of(dataDir);
        RetryPolicy retry = new RetryPolicy(config.getInt(RETRY_MAX_ATTEMPTS),
                new ExponentialBackoff(config.getLong(RETRY_INITIAL_MS), config.getLong(RETRY_MAX_MS)));
        return new NotifySettings(TopicCatalog.from(config), targets, retry, Duration.ofMillis(config.getLong(REQUEST_TIMEOUT_MS)), data,
                config.getInt(DELIVERED_IDS_CAPACITY));
    }

    private static WebhookTarget target(TickflowConfig config, int slot, String url) {
        String name = config.getString(targetKey(slot, NAME));
        PayloadFormat format = PayloadFormat.parse(config.getString(targetKey(slot, FORMAT)));
        String chatId = config.getString(targetKey(slot, CHAT_ID));
        String token = secretOrFile(config, targetKey(slot, BOT_TOKEN), targetKey(slot, BOT_TOKEN_FILE));
        if (format == PayloadFormat.TELEGRAM && (chatId == null || chatId.isBlank() || token == null)) {
            throw new ConfigException("Target " + slot + " has the telegram format: set " + targetKey(slot, CHAT_ID) + " and "
                    + targetKey(slot, BOT_TOKEN) + " (or " + targetKey(slot, BOT_TOKEN_FILE) + ").");
        }
        List<String> topics = config.getList(targetKey(slot, TOPICS));
        for (String topic : topics) {
            if (!READ_TOPICS.contains(topic.trim())) {
                throw new ConfigException(targetKey(slot, TOPICS), topic, "is not a topic notify reads; use " + READ_TOPICS);
            }
        }
        NotificationFilter filter = new NotificationFilter(Set.copyOf(config.getList(targetKey(slot, KINDS))),
                Set.copyOf(config.getList(targetKey(slot, SEVERITIES))), Set.copyOf(topics.stream().map(String::trim).toList()));
        return new WebhookTarget(name, webhookUrl(slot, url), format, chatId, token, filter);
    }

    /** An absolute http(s) URL with a host; the message names the key, never the URL, which may hold a secret. */
    static URI webhookUrl(int slot, String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, without the URL
        }
        throw new ConfigException("The URL of target " + slot + " (" + targetKey(slot, URL) + ") is not an absolute http:// or https:// URL.");
    }

    private static String secretOrFile(TickflowConfig config, String key, String fileKey) {
        String value = config.secret(key);
        String file = config.getString(fileKey);
        if (file == null || file.isBlank()) {
            return value == null || value.isBlank() ? null : value.trim();
        }
        if (value != null) {
            throw new ConfigException("Set " + key + " once: either it or " + fileKey + ", not both.");
        }
        try {
            String content = Files.readString(Path.of(file)).trim();
            if (content.isEmpty()) {
                throw new ConfigException("The file " + file + " (" + fileKey + ") is empty.");
            }
            return content;
        } catch (IOException e) {
            throw new ConfigException("Cannot read the file " + file + " (" + fileKey + "): " + e.getClass().getSimpleName());
        }
    }

    /** The names of the topics notify reads: fills, orders, operational events. */
    public List<String> topicNames() {
        return List.of(topics.fills().name(), topics.orders().name(), topics.operationalEvents().name());
    }

    /** Each target, redacted; safe to print. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("notify: reads " + topicNames() + ", delivered-ids log in " + dataDir);
        targets.forEach(target -> lines.add("notify: target " + target));
        return lines;
    }
}
