/**
 * The executor's own vocabulary: order side, type, status, time in force and target position. Only
 * {@link dev.tickflow.executor.ExecutorRecords} maps them to and from the topics' Avro enums; the names of the constants
 * are the ones the state stores hold.
 */
package dev.tickflow.executor.model;
