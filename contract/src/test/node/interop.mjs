#!/usr/bin/env node
// Tickflow schema interop peer: Confluent's own JavaScript Schema Registry client
// (@confluentinc/schemaregistry: SchemaRegistryClient, AvroSerializer, AvroDeserializer)
// driven through stdin/stdout, so that a Java test can prove that Tickflow's Avro serde
// and Confluent's client read each other's bytes (Confluent wire format: byte 0x00,
// 4-byte big-endian schema id, Avro binary body).
//
// Usage
//   node interop.mjs serialize   --registry URL --topic T --schema FILE.avsc [--schema-dir DIR]
//   node interop.mjs deserialize --registry URL --topic T
//   node interop.mjs inline      --schema FILE.avsc [--schema-dir DIR]
//
//   serialize    stdin: one JSON record per line. stdout: one line per record, the base64 of
//                the Confluent-format bytes. Before the first record the self-contained schema
//                (see "inline") is registered under subject "T-value" (TopicNameStrategy);
//                every record is then written with that schema id. A line holding just `null`
//                is a tombstone: an empty output line.
//   deserialize  stdin: one base64 line per message. stdout: one JSON record per line. An empty
//                line is an empty payload (a tombstone) and yields `null`. The writer schema is
//                fetched by the id in the bytes (GET /schemas/ids/{id}).
//   inline       prints the self-contained schema text that "serialize" registers, and exits.
//   URL is the Confluent-compatible API root, e.g. http://127.0.0.1:18081/apis/ccompat/v7.
//   Exit status: 0 on success, 1 on any error (message on stderr, naming the input line),
//   2 on a usage error. Nothing after the failing line is processed.
//
// JSON conventions (identical in both directions, so the Java side can compare exactly)
//   decimal (bytes or fixed with logicalType decimal)
//       A JSON string in plain notation, e.g. "0.00141342". Confluent's client does NOT
//       convert decimals: it hands out and expects a Buffer holding the unscaled value as a
//       big-endian two's-complement integer (what Java's BigInteger.toByteArray() gives). This
//       script converts with BigInt and the schema's scale, never through a JS float.
//       Output always has exactly `scale` fraction digits (Java: BigDecimal#toPlainString() of
//       the decoded value), e.g. "123.4500000000000000" for scale 16. Input may have at most
//       `scale` fraction digits (padded with zeros, never rounded) and may use an exponent
//       ("1E-8"); JSON numbers are refused. More fraction digits than the scale, or more digits
//       than the precision, is an error, as in Avro Java's DecimalConversion.
//       Encoding is the minimal two's complement, so bytes match Avro Java's byte for byte.
//   timestamp-millis (and any other int/long logical type)
//       A JSON number: epoch milliseconds (Java: Instant#toEpochMilli()). Confluent's client
//       does not map it to a Date; it reads and writes the plain long as a JS number.
//   long
//       A JSON number. The client uses JS numbers, exact only up to 2^53 - 1: larger values are
//       refused on write and fail on read ("potential precision loss").
//   enum
//       The symbol as a string, e.g. "BUY".
//   union ["null", X]
//       The plain value of X, or null. The client (avsc, wrapUnions "auto") already unwraps
//       such unions; it never uses {"type": value}. Other unions are not supported here.
//   bytes / fixed without a logical type
//       Base64 string (not used by Tickflow's schemas).
//   Records are written with their fields in schema order. A field missing from an input record
//   takes its schema default; a missing field without default, or an unknown field, is an error.
//
// Schema registration
//   Tickflow's record schemas refer to shared named types (enums in types/*.avsc) by name.
//   The registry needs a self-contained schema, so each reference is replaced by the type's
//   definition at its first use (later uses stay references), as Avro Java's generated classes
//   do. The text is then written the way Avro Java's Schema#toString() writes it (compact; keys
//   in Avro's order; a namespace only where it differs from the enclosing one; primitives without
//   properties as bare names). For Tickflow's schemas that is byte for byte the generated class's
//   SCHEMA$ with "avro.java.string" removed and re-parsed (Schema.Parser#parse(..).toString()), so
//   a Java serde registering that text gets the same id. This matters: Apicurio's Confluent API
//   gives a new id to any textual difference, even whitespace.
//
//   Confluent's JS AvroSerializer cannot auto-register from a plain JS object (with
//   autoRegisterSchemas it would infer a schema "Record1" from the value), so this script
//   registers the schema itself with client.register() and then serializes with
//   { useSchemaId: <that id> } (the client's README registers first too, then uses
//   useLatestVersion; useSchemaId pins the id just registered).
//
// Confluent's client defaults to the "ASSOCIATED" subject name strategy; this script sets
// TopicNameStrategy explicitly (subjectNameStrategyType: TOPIC) for both directions.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {
  SchemaRegistryClient,
  AvroSerializer,
  AvroDeserializer,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';

class UsageError extends Error {}
class InputError extends Error {}

const USAGE = `usage:
  node interop.mjs serialize   --registry URL --topic TOPIC --schema FILE.avsc [--schema-dir DIR]
  node interop.mjs deserialize --registry URL --topic TOPIC
  node interop.mjs inline      --schema FILE.avsc [--schema-dir DIR]`;

const COMMANDS = {
  serialize: { required: ['registry', 'topic', 'schema'], optional: ['schema-dir'] },
  deserialize: { required: ['registry', 'topic'], optional: [] },
  inline: { required: ['schema'], optional: ['schema-dir'] },
};

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const spec = COMMANDS[command];
  if (!spec) {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
  const allowed = new Set([...spec.required, ...spec.optional]);
  const opts = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    let key;
    let value;
    if (arg.startsWith('--') && arg.includes('=')) {
      key = arg.slice(2, arg.indexOf('='));
      value = arg.slice(arg.indexOf('=') + 1);
    } else if (arg.startsWith('--')) {
      key = arg.slice(2);
      value = rest[++i];
      if (value === undefined) throw new UsageError(`option --${key} needs a value`);
    } else {
      throw new UsageError(`unexpected argument "${arg}"`);
    }
    if (!allowed.has(key)) throw new UsageError(`unknown option --${key} for ${command}`);
    if (key in opts) throw new UsageError(`option --${key} given twice`);
    opts[key] = value;
  }
  for (const key of spec.required) {
    if (!opts[key]) throw new UsageError(`${command} needs --${key}`);
  }
  return { command, opts };
}

// ---------------------------------------------------------------------------------------------
// Avro schema JSON helpers (names, namespaces)

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAMED = new Set(['record', 'error', 'enum', 'fixed']);
// Attributes Avro Java does not keep as properties (Schema.SCHEMA_RESERVED / FIELD_RESERVED).
const SCHEMA_RESERVED = new Set(['doc', 'fields', 'items', 'name', 'namespace', 'size', 'symbols',
  'values', 'type', 'aliases', 'default']);
const FIELD_RESERVED = new Set(['default', 'doc', 'name', 'order', 'type', 'aliases']);

/** Splits the name of a named schema into { name, space } given the enclosing namespace. */
function nameOf(schema, enclosing) {
  const n = schema.name;
  if (typeof n !== 'string' || n === '') throw new InputError(`named ${schema.type} without a name`);
  const dot = n.lastIndexOf('.');
  if (dot >= 0) return { name: n.slice(dot + 1), space: n.slice(0, dot) || null };
  if (typeof schema.namespace === 'string') return { name: n, space: schema.namespace || null };
  return { name: n, space: enclosing };
}

const fullName = ({ name, space }) => (space ? `${space}.${name}` : name);

/** Full names a type reference may denote, most specific first (as Avro Java resolves them). */
function candidates(ref, enclosing) {
  if (ref.includes('.')) return [ref];
  return enclosing ? [`${enclosing}.${ref}`, ref] : [ref];
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** True for {"type": <schema>} wrappers: a nested schema or a reference to a named type. */
const isWrapper = (s) => isObject(s.type) || Array.isArray(s.type)
  || (typeof s.type === 'string' && !PRIMITIVES.has(s.type) && !NAMED.has(s.type)
    && s.type !== 'array' && s.type !== 'map');

// ---------------------------------------------------------------------------------------------
// Inlining named types from --schema-dir

function loadNamedTypes(dir) {
  const types = new Map();
  if (!dir) return types;
  const files = readdirSync(dir).filter((f) => f.endsWith('.avsc')).sort();
  for (const file of files) {
    const p = path.join(dir, file);
    let schema;
    try {
      schema = JSON.parse(readFileSync(p, 'utf8'));
    } catch (e) {
      throw new InputError(`cannot read named type ${p}: ${e.message}`);
    }
    if (!isObject(schema) || !NAMED.has(schema.type)) {
      throw new InputError(`${p} is not a named type (record, enum or fixed)`);
    }
    const full = fullName(nameOf(schema, null));
    if (types.has(full)) throw new InputError(`named type ${full} defined twice in ${dir}`);
    types.set(full, schema);
  }
  return types;
}

/** Returns a copy of `schema` with every named type from `library` defined at its first use. */
function inlineNamedTypes(schema, library) {
  const defined = new Set();

  function walk(s, ns) {
    if (typeof s === 'string') {
      if (PRIMITIVES.has(s)) return s;
      const names = candidates(s, ns);
      if (names.some((n) => defined.has(n))) return s;
      const found = names.find((n) => library.has(n));
      if (!found) throw new InputError(`unknown type "${s}" (namespace ${ns ?? 'none'}); give --schema-dir`);
      // The definition is written where the reference was; its own namespace travels with it.
      return walk(structuredClone(library.get(found)), null);
    }
    if (Array.isArray(s)) return s.map((b) => walk(b, ns));
    if (!isObject(s)) throw new InputError(`invalid schema element ${JSON.stringify(s)}`);
    const out = { ...s };
    if (NAMED.has(s.type)) {
      const qn = nameOf(s, ns);
      const full = fullName(qn);
      if (defined.has(full)) throw new InputError(`named type ${full} defined twice`);
      defined.add(full);
      if (s.type === 'record' || s.type === 'error') {
        out.fields = s.fields.map((f) => ({ ...f, type: walk(f.type, qn.space) }));
      }
      return out;
    }
    if (s.type === 'array') out.items = walk(s.items, ns);
    else if (s.type === 'map') out.values = walk(s.values, ns);
    else if (isWrapper(s)) return walk(s.type, ns);
    return out;
  }

  return walk(schema, null);
}

/**
 * Writes a schema as Avro Java's Schema#toString() does (org.apache.avro 1.12), so that the text
 * is identical to what a Java client registers for the same schema.
 */
function toJavaSchemaString(schema) {
  const known = new Set();
  const str = (v) => JSON.stringify(v);
  const props = (s, reserved) => Object.keys(s).filter((k) => !reserved.has(k))
    .map((k) => `,${str(k)}:${str(s[k])}`).join('');

  function nameJson(qn, ns) {
    let out = `,"name":${str(qn.name)}`;
    if (qn.space !== null) {
      if (qn.space !== ns) out += `,"namespace":${str(qn.space)}`;
    } else if (ns !== null) {
      out += ',"namespace":""';
    }
    return out;
  }

  function aliasesJson(s, space) {
    if (!Array.isArray(s.aliases) || s.aliases.length === 0) return '';
    const rel = s.aliases.map((a) => {
      const dot = a.lastIndexOf('.');
      const aSpace = dot >= 0 ? a.slice(0, dot) : space;
      const aName = dot >= 0 ? a.slice(dot + 1) : a;
      return aSpace && aSpace !== space ? `${aSpace}.${aName}` : aName;
    });
    return `,"aliases":${str(rel)}`;
  }

  function w(s, ns) {
    if (typeof s === 'string') {
      if (PRIMITIVES.has(s)) return str(s);
      const full = candidates(s, ns).find((n) => known.has(n)) ?? candidates(s, ns)[0];
      const dot = full.lastIndexOf('.');
      const space = dot >= 0 ? full.slice(0, dot) : null;
      return str(space === null || space === ns ? full.slice(dot + 1) : full);
    }
    if (Array.isArray(s)) return `[${s.map((b) => w(b, ns)).join(',')}]`;
    if (isWrapper(s)) return w(s.type, ns);
    if (PRIMITIVES.has(s.type)) {
      const p = props(s, SCHEMA_RESERVED);
      return p ? `{"type":${str(s.type)}${p}}` : str(s.type);
    }
    if (s.type === 'array') return `{"type":"array","items":${w(s.items, ns)}${props(s, SCHEMA_RESERVED)}}`;
    if (s.type === 'map') return `{"type":"map","values":${w(s.values, ns)}${props(s, SCHEMA_RESERVED)}}`;
    if (!NAMED.has(s.type)) throw new InputError(`unknown schema type ${str(s.type)}`);
    const qn = nameOf(s, ns);
    const full = fullName(qn);
    if (known.has(full)) return w(full, ns);
    known.add(full);
    let out = `{"type":${str(s.type)}${nameJson(qn, ns)}`;
    if (typeof s.doc === 'string') out += `,"doc":${str(s.doc)}`;
    if (s.type === 'record' || s.type === 'error') {
      const fields = s.fields.map((f) => {
        let fj = `{"name":${str(f.name)},"type":${w(f.type, qn.space)}`;
        if (typeof f.doc === 'string') fj += `,"doc":${str(f.doc)}`;
        if ('default' in f) fj += `,"default":${str(f.default)}`;
        if (f.order && f.order !== 'ascending') fj += `,"order":${str(f.order)}`;
        if (Array.isArray(f.aliases) && f.aliases.length) fj += `,"aliases":${str(f.aliases)}`;
        return `${fj}${props(f, FIELD_RESERVED)}}`;
      });
      out += `,"fields":[${fields.join(',')}]${props(s, SCHEMA_RESERVED)}${aliasesJson(s, qn.space)}}`;
    } else if (s.type === 'enum') {
      out += `,"symbols":${str(s.symbols)}`;
      if (typeof s.default === 'string') out += `,"default":${str(s.default)}`;
      out += `${props(s, SCHEMA_RESERVED)}${aliasesJson(s, qn.space)}}`;
    } else {
      out += `,"size":${str(s.size)}${props(s, SCHEMA_RESERVED)}${aliasesJson(s, qn.space)}}`;
    }
    return out;
  }

  return w(schema, null);
}

function selfContainedSchema(schemaFile, schemaDir) {
  let schema;
  try {
    schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read schema ${schemaFile}: ${e.message}`);
  }
  return toJavaSchemaString(inlineNamedTypes(schema, loadNamedTypes(schemaDir)));
}

// ---------------------------------------------------------------------------------------------
// Value conversion between the JSON conventions and what Confluent's client (avsc) uses

/** Collects every named type defined in a self-contained schema, by full name. */
function namedDefinitions(schema) {
  const defs = new Map();
  (function walk(s, ns) {
    if (Array.isArray(s)) return s.forEach((b) => walk(b, ns));
    if (!isObject(s)) return;
    if (isWrapper(s)) return walk(s.type, ns);
    if (NAMED.has(s.type)) {
      const qn = nameOf(s, ns);
      defs.set(fullName(qn), { schema: s, space: qn.space });
      if (Array.isArray(s.fields)) s.fields.forEach((f) => walk(f.type, qn.space));
    } else if (s.type === 'array') walk(s.items, ns);
    else if (s.type === 'map') walk(s.values, ns);
  })(schema, null);
  return defs;
}

/** Resolves a schema element to { schema, ns } with named references replaced by definitions. */
function resolve(s, ns, defs) {
  if (typeof s === 'string') {
    if (PRIMITIVES.has(s)) return { schema: { type: s }, ns };
    const full = candidates(s, ns).find((n) => defs.has(n));
    if (!full) throw new InputError(`unknown type "${s}" in writer schema`);
    const d = defs.get(full);
    return { schema: d.schema, ns: d.space };
  }
  if (Array.isArray(s)) return { schema: s, ns };
  if (isWrapper(s)) return resolve(s.type, ns, defs);
  if (NAMED.has(s.type)) return { schema: s, ns: nameOf(s, ns).space };
  return { schema: s, ns };
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function decimalToUnscaled(value, precision, scale, where) {
  if (typeof value !== 'string') {
    throw new InputError(`${where}: decimal must be a JSON string such as "0.00141342", got ${JSON.stringify(value)}`);
  }
  const m = DECIMAL_RE.exec(value);
  if (!m) throw new InputError(`${where}: "${value}" is not a decimal number`);
  const [, sign, intPart, fracPart = '', exp = '0'] = m;
  const ownScale = fracPart.length - Number.parseInt(exp, 10);
  if (ownScale > scale) {
    throw new InputError(`${where}: "${value}" has scale ${ownScale}, more than the schema's scale ${scale} (no rounding)`);
  }
  let unscaled = BigInt(intPart + fracPart) * 10n ** BigInt(scale - ownScale);
  const digits = unscaled.toString().length;
  if (precision !== undefined && digits > precision) {
    throw new InputError(`${where}: "${value}" needs ${digits} digits, more than the schema's precision ${precision}`);
  }
  if (sign === '-') unscaled = -unscaled;
  return unscaled;
}

/** Minimal big-endian two's complement, as java.math.BigInteger#toByteArray(). */
function unscaledToBytes(n) {
  let len = 1;
  while (n < -(1n << BigInt(8 * len - 1)) || n >= (1n << BigInt(8 * len - 1))) len++;
  return fixedTwosComplement(n, len);
}

function fixedTwosComplement(n, len) {
  let u = n < 0n ? (1n << BigInt(8 * len)) + n : n;
  const buf = Buffer.alloc(len);
  for (let i = len - 1; i >= 0; i--) {
    buf[i] = Number(u & 0xffn);
    u >>= 8n;
  }
  return buf;
}

function bytesToUnscaled(buf, where) {
  if (buf.length === 0) throw new InputError(`${where}: decimal with zero bytes`);
  let n = BigInt(`0x${buf.toString('hex')}`);
  if (buf[0] & 0x80) n -= 1n << BigInt(8 * buf.length);
  return n;
}

function formatDecimal(unscaled, scale) {
  const neg = unscaled < 0n;
  let digits = (neg ? -unscaled : unscaled).toString();
  if (scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-scale);
  digits = digits.padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function decimalScale(s, where) {
  const scale = s.scale ?? 0;
  if (!Number.isInteger(scale) || scale < 0) throw new InputError(`${where}: invalid decimal scale ${s.scale}`);
  return scale;
}

/** JSON convention -> value for Confluent's AvroSerializer. */
function toClient(schemaEl, value, ns, defs, where) {
  const { schema: s, ns: sns } = resolve(schemaEl, ns, defs);
  if (Array.isArray(s)) {
    const branches = s.filter((b) => b !== 'null' && !(isObject(b) && b.type === 'null'));
    if (value === null || value === undefined) {
      if (branches.length === s.length) throw new InputError(`${where}: null is not allowed`);
      return null;
    }
    if (branches.length !== 1) throw new InputError(`${where}: only ["null", X] unions are supported`);
    return toClient(branches[0], value, sns, defs, where);
  }
  const type = s.type;
  const fail = (what) => new InputError(`${where}: expected ${what}, got ${JSON.stringify(value)}`);
  switch (type) {
    case 'null':
      if (value !== null) throw fail('null');
      return null;
    case 'boolean':
      if (typeof value !== 'boolean') throw fail('a boolean');
      return value;
    case 'int':
      if (!Number.isInteger(value) || value < INT_MIN || value > INT_MAX) throw fail('an int');
      return value;
    case 'long':
      if (!Number.isSafeInteger(value)) throw fail('a long within +/-(2^53 - 1) (JS number limit)');
      return value;
    case 'float':
    case 'double':
      if (typeof value !== 'number') throw fail('a number');
      return value;
    case 'string':
      if (typeof value !== 'string') throw fail('a string');
      return value;
    case 'bytes':
      if (s.logicalType === 'decimal') {
        return unscaledToBytes(decimalToUnscaled(value, s.precision, decimalScale(s, where), where));
      }
      if (typeof value !== 'string') throw fail('a base64 string');
      return Buffer.from(value, 'base64');
    case 'fixed': {
      if (s.logicalType === 'decimal') {
        const n = decimalToUnscaled(value, s.precision, decimalScale(s, where), where);
        if (unscaledToBytes(n).length > s.size) throw new InputError(`${where}: "${value}" does not fit in fixed(${s.size})`);
        return fixedTwosComplement(n, s.size);
      }
      if (typeof value !== 'string') throw fail('a base64 string');
      const buf = Buffer.from(value, 'base64');
      if (buf.length !== s.size) throw fail(`base64 of ${s.size} bytes`);
      return buf;
    }
    case 'enum':
      if (typeof value !== 'string' || !s.symbols.includes(value)) throw fail(`one of ${s.symbols.join(', ')}`);
      return value;
    case 'array':
      if (!Array.isArray(value)) throw fail('an array');
      return value.map((v, i) => toClient(s.items, v, sns, defs, `${where}[${i}]`));
    case 'map':
      if (!isObject(value)) throw fail('an object (map)');
      return Object.fromEntries(Object.entries(value)
        .map(([k, v]) => [k, toClient(s.values, v, sns, defs, `${where}.${k}`)]));
    case 'record':
    case 'error': {
      if (!isObject(value)) throw fail(`an object (record ${s.name})`);
      const names = new Set(s.fields.map((f) => f.name));
      const unknown = Object.keys(value).filter((k) => !names.has(k));
      if (unknown.length) throw new InputError(`${where || 'record'}: unknown field(s) ${unknown.join(', ')} for record ${s.name}`);
      const out = {};
      for (const f of s.fields) {
        const fw = where ? `${where}.${f.name}` : f.name;
        if (!(f.name in value) && !('default' in f)) throw new InputError(`${fw}: missing (no default)`);
        const v = f.name in value ? value[f.name] : f.default;
        out[f.name] = toClient(f.type, v, sns, defs, fw);
      }
      return out;
    }
    default:
      throw new InputError(`${where}: unsupported schema type ${JSON.stringify(type)}`);
  }
}

/** Value from Confluent's AvroDeserializer -> JSON convention. */
function fromClient(schemaEl, value, ns, defs, where) {
  const { schema: s, ns: sns } = resolve(schemaEl, ns, defs);
  if (Array.isArray(s)) {
    if (value === null || value === undefined) return null;
    const branches = s.filter((b) => b !== 'null' && !(isObject(b) && b.type === 'null'));
    if (branches.length !== 1) throw new InputError(`${where}: only ["null", X] unions are supported`);
    return fromClient(branches[0], value, sns, defs, where);
  }
  switch (s.type) {
    case 'null':
    case 'boolean':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'string':
    case 'enum':
      return value;
    case 'bytes':
    case 'fixed':
      if (!Buffer.isBuffer(value)) throw new InputError(`${where}: client returned no Buffer for ${s.type}`);
      if (s.logicalType === 'decimal') return formatDecimal(bytesToUnscaled(value, where), decimalScale(s, where));
      return value.toString('base64');
    case 'array':
      return value.map((v, i) => fromClient(s.items, v, sns, defs, `${where}[${i}]`));
    case 'map':
      return Object.fromEntries(Object.entries(value)
        .map(([k, v]) => [k, fromClient(s.values, v, sns, defs, `${where}.${k}`)]));
    case 'record':
    case 'error': {
      const out = {};
      for (const f of s.fields) {
        out[f.name] = fromClient(f.type, value[f.name], sns, defs, where ? `${where}.${f.name}` : f.name);
      }
      return out;
    }
    default:
      throw new InputError(`${where}: unsupported schema type ${JSON.stringify(s.type)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands

function registryClient(url) {
  return new SchemaRegistryClient({
    baseURLs: [url],
    maxRetries: 2,
    retriesWaitMs: 200,
    retriesMaxWaitMs: 1000,
    createAxiosDefaults: { timeout: 15000 },
  });
}

async function forEachLine(fn) {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    try {
      const out = await fn(line.replace(/\r$/, ''));
      process.stdout.write(`${out}\n`);
    } catch (e) {
      e.message = `stdin line ${lineNo}: ${e.message}`;
      throw e;
    }
  }
}

async function serialize(opts) {
  const schemaText = selfContainedSchema(opts.schema, opts['schema-dir']);
  const schema = JSON.parse(schemaText);
  const defs = namedDefinitions(schema);
  const subject = `${opts.topic}-value`;
  const client = registryClient(opts.registry);
  let id;
  try {
    id = await client.register(subject, { schemaType: 'AVRO', schema: schemaText });
  } catch (e) {
    throw new Error(`registering ${opts.schema} under subject ${subject} failed: ${e.message}`);
  }
  process.stderr.write(`interop: subject ${subject} schema id ${id}\n`);
  const ser = new AvroSerializer(client, SerdeType.VALUE, {
    useSchemaId: id,
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  await forEachLine(async (line) => {
    if (line.trim() === '') throw new InputError('empty line (write null for a tombstone)');
    let json;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new InputError(`not JSON: ${e.message}`);
    }
    if (json === null) return '';
    const bytes = await ser.serialize(opts.topic, toClient(schema, json, null, defs, ''));
    return bytes.toString('base64');
  });
}

async function deserialize(opts) {
  const subject = `${opts.topic}-value`;
  const client = registryClient(opts.registry);
  const de = new AvroDeserializer(client, SerdeType.VALUE, {
    subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
  });
  const parsed = new Map();
  await forEachLine(async (line) => {
    const b64 = line.trim();
    if (b64 === '') return 'null';
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new InputError('not base64');
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length < 5 || bytes[0] !== 0) {
      throw new InputError(`not Confluent wire format (need byte 0x00 and a 4-byte schema id; got ${bytes.length} bytes, first 0x${(bytes[0] ?? 0).toString(16)})`);
    }
    const id = bytes.readInt32BE(1);
    const value = await de.deserialize(opts.topic, bytes);
    if (!parsed.has(id)) {
      // Same call (and cache entry) the deserializer used to fetch the writer schema.
      const info = await client.getBySubjectAndId(subject, id);
      const writer = JSON.parse(info.schema);
      parsed.set(id, { writer, defs: namedDefinitions(writer) });
    }
    const { writer, defs } = parsed.get(id);
    return JSON.stringify(fromClient(writer, value, null, defs, ''));
  });
}

async function main() {
  const { command, opts } = parseArgs(process.argv.slice(2));
  if (command === 'inline') {
    process.stdout.write(`${selfContainedSchema(opts.schema, opts['schema-dir'])}\n`);
  } else if (command === 'serialize') {
    await serialize(opts);
  } else {
    await deserialize(opts);
  }
}

function finish(code) {
  // Exit explicitly (HTTP keep-alive must not hold the process) once stdout is flushed.
  process.stdout.write('', () => process.exit(code));
}

main().then(() => finish(0), (e) => {
  if (e instanceof UsageError) {
    process.stderr.write(`interop: ${e.message}\n${USAGE}\n`);
    finish(2);
  } else {
    const kind = e instanceof InputError || e.name === 'Error' ? '' : `${e.name}: `;
    process.stderr.write(`interop: ${kind}${e.message}\n`);
    finish(1);
  }
});
