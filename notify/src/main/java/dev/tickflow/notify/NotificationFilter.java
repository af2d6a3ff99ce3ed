package dev.tickflow.notify;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which notifications a target wants; an empty set accepts every value. */
public record NotificationFilter(Set<String> kinds, Set<String> severities, Set<String> topics) {

    public static final NotificationFilter ALL = new NotificationFilter(Set.of(), Set.of(), Set.of());

    public NotificationFilter {
        kinds = upper(kinds);
        severities = upper(severities);
        topics = Set.copyOf(topics);
    }

    public boolean accepts(Notification notification) {
        return matches(kinds, notification.kind().toUpperCase(Locale.ROOT))
                && matches(severities, notification.severity().toUpperCase(Locale.ROOT))
                && matches(topics, notification.topic());
    }

    private static boolean matches(Set<String> wanted, String value) {
        return wanted.isEmpty() || wanted.contains(value);
    }

    private static Set<String> upper(Set<String> values) {
        return values.stream().map(value -> value.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
