package dev.tickflow.strategy.api;

/** A bad strategy setting, naming the key, its value and what is wrong. */
public class InvalidStrategyConfigException extends IllegalArgumentException {

    private final String key;
    private final String value;

    public InvalidStrategyConfigException(String key, String value, String problem) {
        super(value == null ? key + ": " + problem : "Invalid value '" + value + "' for " + key + ": " + problem);
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
