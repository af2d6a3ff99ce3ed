package dev.tickflow.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Confluent's wire format: magic byte 0x00, the schema id as a 4-byte big-endian int, then the Avro binary body. */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The 5-byte header for a schema id. */
    public static byte[] header(int schemaId) {
        return new byte[] {MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8),
                (byte) schemaId};
    }

    /**
      * The schema id in the header of a record's key or value.
      *
      * @throws SerializationException when the data is shorter than the header or lacks the magic byte;
      *     the message names the topic
      */
    public static int schemaId(byte[] data, String topic, boolean isKey) {
        if (data.length < HEADER_SIZE || data[0] != MAGIC_BYTE) {
            throw notWireFormat(data, describe(topic, isKey));
        }
        return ((data[1] & 0xff) << 24) | ((data[2] & 0xff) << 16) | ((data[3] & 0xff) << 8) | (data[4] & 0xff);
    }

    /** How messages name a record's key or value: {@code value of topic 'md.trades'}. */
    static String describe(String topic, boolean isKey) {
        return (isKey ? "key" : "value") + " of topic '" + topic + "'";
    }

    private static SerializationException notWireFormat(byte[] data, String what) {
        if (data.length < HEADER_SIZE) {
            return new SerializationException("Cannot deserialize the " + what + ": got " + data.length + " bytes, but"
                    + " Confluent's wire format needs at least " + HEADER_SIZE + " (magic byte 0x00 and a 4-byte schema id)"
                    + " before the Avro body. The data is truncated, or was not written by a Confluent-compatible Avro"
                    + " serializer: check the producer of this topic.");
        }
        return new SerializationException("Cannot deserialize the " + what + ": the first byte is "
                + describeByte(data[0]) + ", not the magic byte 0x00, so the data is not in Confluent's wire format"
                + " (Avro with a schema id). Check that the producer of this topic uses a Confluent-compatible Avro"
                + " serializer, or that this is the right deserializer for the topic.");
    }

    private static String describeByte(byte b) {
        String hex = String.format("0x%02x", b & 0xff);
        return b >= 0x20 && b < 0x7f ? hex + " ('" + (char) b + "', text such as JSON or a plain string?)" : hex;
    }
}
