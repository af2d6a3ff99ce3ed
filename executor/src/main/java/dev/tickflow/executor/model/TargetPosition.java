package dev.tickflow.executor.model;

/** What a strategy wants an instance to hold: a LONG position or none (FLAT). */
public enum TargetPosition {
    LONG,
    FLAT
}
