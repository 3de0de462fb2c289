/**
 * An input schema's own messages ("a PIN is 4 to 8 digits") as catalogue
 * messages (src/core/messages). zod keeps a message as one string: the English
 * wording, which API clients, logs and the cloud read. The message itself
 * travels beside it, so the cashier's text is rendered in any language at the
 * edge (src/i18n/render.ts):
 *
 * - a fixed message goes through `says(msg(key))`, which files the message in
 *   the table below under its English and hands zod that English;
 * - a message built while checking (superRefine: "SKU x is listed twice") is
 *   raised with `issueSaying(msg(key, params))`, which carries it in the issue.
 *
 * `saidText` finds the message again for an issue. A test walks every command's
 * schema and checks that each fixed message is in the table.
 */
import { isMsg } from './i18n';
import type { Msg, Param, Text } from './i18n';
import { CATALOGUE } from './messages';

const table = new Map<string, Msg>();

function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Text>).nb === 'string' &&
    typeof (value as Partial<Text>).en === 'string'
  );
}

function plainEnglish(value: Param, key: string): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (isMsg(value)) return englishOf(value);
  if (isText(value)) return value.en;
  throw new Error(`the schema message "${key}" takes a parameter zod cannot show as plain text`);
}

/**
 * The English zod is given, for logs, API clients and the cloud: the catalogue's
 * English with its plain arguments (strings, numbers, names, nested messages)
 * in place. A schema message is plain text with `{name}` arguments only; the
 * cashier's text in each language is rendered from the message itself
 * (src/i18n/render.ts), never from this.
 */
export function englishOf(message: Msg): string {
  const source = CATALOGUE[message.key]?.en;
  if (source === undefined) throw new Error(`no message "${message.key}" in the catalogue`);
  const params = message.params ?? {};
  return source
    .replace(/\{\s*([A-Za-z0-9_]+)\s*\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : plainEnglish(value, message.key);
    })
    .replace(/''/g, "'");
}

function sameMessage(a: Msg, b: Msg): boolean {
  return a.key === b.key && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});
}

/** A fixed schema message: filed under its English; zod is given the English. */
export function says(message: Msg): string {
  const english = englishOf(message);
  const filed = table.get(english);
  if (filed && !sameMessage(filed, message)) {
    throw new Error(`two messages ("${filed.key}", "${message.key}") say "${english}" in English`);
  }
  table.set(english, message);
  return english;
}

/** A type, not an interface: zod's addIssue takes it only with an implied index signature. */
export type SaidIssue = {
  code: 'custom';
  message: string;
  params: { said: Msg };
  path?: PropertyKey[];
};

/** A message made while checking (ctx.addIssue), carried in the issue. */
export function issueSaying(message: Msg, path?: PropertyKey[]): SaidIssue {
  return {
    code: 'custom',
    message: englishOf(message),
    params: { said: message },
    ...(path ? { path } : {}),
  };
}

/** The schema's own message for an issue, or null when zod wrote it. */
export function saidText(issue: { message: string; params?: unknown }): Msg | null {
  const carried = (issue.params as { said?: unknown } | undefined)?.said;
  if (isMsg(carried)) return carried;
  return table.get(issue.message) ?? null;
}
