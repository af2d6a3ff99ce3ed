#!/usr/bin/env node
// A Node consumer of Tickflow's topics, written as another team would write one: kafkajs reads the
// topics, Confluent's JavaScript Schema Registry client (@confluentinc/schemaregistry) decodes the
// Avro values (Confluent wire format: byte 0x00, 4-byte big-endian schema id, Avro binary body;
// subjects <topic>-value). Keys are the symbol as a plain UTF-8 string.
//
// Usage
//   node consume.mjs --brokers HOST:PORT --registry URL --until TOPIC:PARTITION=OFFSET [--until ...] [--timeout-ms MS]
//
// Reads the topics named in --until from the beginning (read_committed: Tickflow's Streams services
// write in transactions) until each named partition has given a record at or after its offset, then
// prints one JSON line per record, in the order read per topic:
// {"topic", "partition", "offset", "key", "schemaId", "value"}.
// In "value", Avro decimals are strings in plain notation with the schema's scale (Confluent's
// client hands them out as the unscaled two's-complement bytes; never converted through a JS
// float), timestamp-millis are ISO-8601 strings, enums their symbol. Exit 0 when every partition
// reached its offset, 1 on a timeout or an error (message on stderr), 2 on a usage error.
//
// URL is the Confluent-compatible API root, e.g. http://127.0.0.1:8081/apis/ccompat/v7.

import { Kafka, logLevel } from 'kafkajs';
import {
  SchemaRegistryClient,
  AvroDeserializer,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';

function usage(message) {
  process.stderr.write(`consume: ${message}\nusage: node consume.mjs --brokers HOST:PORT --registry URL --until TOPIC:PARTITION=OFFSET [--until ...] [--timeout-ms MS]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { until: new Map(), timeoutMs: 60_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) usage(`${key} needs a value`);
    if (key === '--brokers') opts.brokers = value.split(',');
    else if (key === '--registry') opts.registry = value;
    else if (key === '--timeout-ms') opts.timeoutMs = Number(value);
    else if (key === '--until') {
      const match = /^(.+):(\d+)=(\d+)$/.exec(value);
      if (!match) usage(`--until wants TOPIC:PARTITION=OFFSET, got "${value}"`);
      opts.until.set(`${match[1]}:${match[2]}`, Number(match[3]));
    } else usage(`unknown option ${key}`);
  }
  if (!opts.brokers || !opts.registry || opts.until.size === 0) usage('--brokers, --registry and --until are required');
  opts.topics = [...new Set([...opts.until.keys()].map((key) => key.slice(0, key.lastIndexOf(':'))))];
  return opts;
}

/** The unscaled value of an Avro decimal: big-endian two's complement. */
function unscaled(buffer) {
  let n = BigInt(`0x${buffer.toString('hex') || '0'}`);
  if (buffer.length > 0 && buffer[0] & 0x80) n -= 1n << BigInt(8 * buffer.length);
  return n;
}

function formatDecimal(buffer, scale) {
  const n = unscaled(buffer);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** The value as JSON-friendly text, following the field's writer schema (Tickflow's records are flat). */
function plain(type, value) {
  if (value === null || value === undefined) return null;
  if (Array.isArray(type)) {
    const branch = type.find((t) => t !== 'null' && t.type !== 'null');
    return plain(branch, value);
  }
  if (typeof type === 'object' && type.logicalType === 'decimal') return formatDecimal(value, type.scale ?? 0);
  if (typeof type === 'object' && type.logicalType === 'timestamp-millis') return new Date(Number(value)).toISOString();
  if (typeof type === 'object' && type.type === 'record') {
    return Object.fromEntries(type.fields.map((f) => [f.name, plain(f.type, value[f.name])]));
  }
  return value;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const registry = new SchemaRegistryClient({ baseURLs: [opts.registry] });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  const writerSchemas = new Map();
  const kafka = new Kafka({ clientId: 'tickflow-node-consumer', brokers: opts.brokers, logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: `tickflow-node-consumer-${process.pid}-${Date.now()}`, readUncommitted: false });
  const read = new Map(opts.topics.map((topic) => [topic, []]));
  const reached = new Map();
  const complete = () => [...opts.until].every(([key, offset]) => (reached.get(key) ?? -1) >= offset);

  let finished;
  const done = new Promise((resolve) => { finished = resolve; });
  const timer = setTimeout(() => finished(false), opts.timeoutMs);
  await consumer.connect();
  await consumer.subscribe({ topics: opts.topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const key = `${topic}:${partition}`;
      if (!opts.until.has(key) || (reached.get(key) ?? -1) >= opts.until.get(key)) return;
      const schemaId = message.value.readInt32BE(1);
      if (!writerSchemas.has(schemaId)) {
        const info = await registry.getBySubjectAndId(`${topic}-value`, schemaId);
        writerSchemas.set(schemaId, JSON.parse(info.schema));
      }
      const value = await deserializer.deserialize(topic, message.value);
      read.get(topic).push({
        topic,
        partition,
        offset: Number(message.offset),
        key: message.key === null ? null : message.key.toString('utf8'),
        schemaId,
        value: plain(writerSchemas.get(schemaId), value),
      });
      reached.set(key, Number(message.offset));
      if (complete()) finished(true);
    },
  });
  const ok = await done;
  clearTimeout(timer);
  await consumer.disconnect();
  if (!ok) {
    const progress = [...opts.until].map(([key, offset]) => `${key} at ${reached.get(key) ?? 'nothing'} of ${offset}`).join(', ');
    throw new Error(`timed out after ${opts.timeoutMs} ms: ${progress}`);
  }
  for (const records of read.values()) {
    for (const record of records) process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}

main().then(
  () => process.stdout.write('', () => process.exit(0)),
  (error) => {
    process.stderr.write(`consume: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
