/**
 * The one format of every state-store value: a {@link dev.tickflow.runtime.state.StateCodec} per kind of value writes
 * a one-byte version header and a body of compact primitives ({@link dev.tickflow.runtime.state.StateWriter},
 * {@link dev.tickflow.runtime.state.StateReader}), and reads every version it ever wrote. Its test extends
 * {@code StateCodecContract} (the test-jar) with sample values and the golden bytes of each version.
 */
package dev.tickflow.runtime.state;
