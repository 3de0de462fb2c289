/**
 * The event schemas change only additively (docs/architecture.md, "Events"):
 * an event written by any version must be read by every other, older or newer.
 * This compares two JSON Schema documents of the event schemas (the committed
 * snapshot and today's) and names every change that is not additive.
 *
 * Additive: a new optional field (at any depth), a new event type. Everything
 * else is a break: a field or type removed, a field made required or optional,
 * a type changed, a bound narrowed or widened, an enum value added or removed,
 * a default changed. A widened value is refused too: an older till would
 * quarantine every event that uses it, so a new value needs a new field or a
 * new event type.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

export interface EventSchemaDocument {
  envelope: Schema;
  payloads: Record<string, Schema>;
}

/** Keywords that do not change what is accepted. */
const IGNORED = new Set(['description', '$schema', 'title', 'examples']);

function isSchema(value: Json | undefined): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function shown(value: Json | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

function compare(old: Json | undefined, now: Json | undefined, path: string, out: string[]): void {
  if (!isSchema(old) || !isSchema(now)) {
    if (!same(old, now)) out.push(`${path}: changed from ${shown(old)} to ${shown(now)}`);
    return;
  }
  const oldProps = isSchema(old.properties) ? old.properties : null;
  const newProps = isSchema(now.properties) ? now.properties : null;
  if (oldProps || newProps) {
    const oldRequired = new Set((old.required as string[] | undefined) ?? []);
    const newRequired = new Set((now.required as string[] | undefined) ?? []);
    for (const [key, schema] of Object.entries(oldProps ?? {})) {
      const field = `${path}.${key}`;
      if (!newProps || !(key in newProps)) {
        out.push(`${field}: removed`);
        continue;
      }
      if (oldRequired.has(key) && !newRequired.has(key)) {
        out.push(`${field}: became optional (older versions need it)`);
      }
      if (!oldRequired.has(key) && newRequired.has(key)) {
        out.push(`${field}: became required (events written before lack it)`);
      }
      compare(schema, newProps[key], field, out);
    }
    for (const key of Object.keys(newProps ?? {})) {
      if (oldProps && key in oldProps) continue;
      if (newRequired.has(key)) {
        out.push(`${path}.${key}: a new field must be optional (events written before lack it)`);
      }
    }
  }
  const keywords = new Set([...Object.keys(old), ...Object.keys(now)]);
  for (const keyword of keywords) {
    if (IGNORED.has(keyword) || keyword === 'properties' || keyword === 'required') continue;
    const a = old[keyword];
    const b = now[keyword];
    if (Array.isArray(a) && Array.isArray(b) && ['anyOf', 'oneOf', 'allOf'].includes(keyword)) {
      if (a.length !== b.length) {
        out.push(`${path}: ${keyword} went from ${a.length} to ${b.length} alternatives`);
        continue;
      }
      a.forEach((branch, i) => compare(branch, b[i], `${path}.${keyword}[${i}]`, out));
      continue;
    }
    if (isSchema(a) && isSchema(b)) {
      compare(a, b, `${path}.${keyword}`, out);
      continue;
    }
    if (!same(a, b)) out.push(`${path}: ${keyword} changed from ${shown(a)} to ${shown(b)}`);
  }
}

/** Every change from `old` to `now` that is not additive; empty when there is none. */
export function nonAdditiveChanges(old: EventSchemaDocument, now: EventSchemaDocument): string[] {
  const out: string[] = [];
  compare(old.envelope, withKnownTypes(now.envelope, old.envelope), 'envelope', out);
  for (const [type, schema] of Object.entries(old.payloads)) {
    if (!(type in now.payloads)) {
      out.push(`${type}: the event type was removed (events of it exist)`);
      continue;
    }
    compare(schema, now.payloads[type], type, out);
  }
  return out;
}

/**
 * The envelope's `type` lists the known event types: a new event type adds to
 * it (additive), so `now` is compared as if it listed the old ones only when it
 * keeps every one of them. A type removed still shows as a changed enum.
 */
function withKnownTypes(now: Schema, old: Schema): Schema {
  const oldType = isSchema(old.properties) ? old.properties.type : undefined;
  const nowProperties = now.properties;
  if (!isSchema(nowProperties)) return now;
  const nowType = nowProperties.type;
  if (!isSchema(oldType) || !isSchema(nowType)) return now;
  const before = oldType.enum;
  const after = nowType.enum;
  if (!Array.isArray(before) || !Array.isArray(after)) return now;
  if (!before.every((type) => after.some((known) => same(known, type)))) return now;
  return { ...now, properties: { ...nowProperties, type: { ...nowType, enum: before } } };
}
