/**
 * An input schema's own messages ("a PIN is 4 to 8 digits"), in both
 * languages. zod keeps a message as one string: the English one, which API
 * clients and logs read. Its Norwegian form travels beside it:
 *
 * - a fixed message goes through `says(text(nb, en))`, which files both in the
 *   table below and hands zod the English;
 * - a message built while checking (superRefine: "SKU x is listed twice") is
 *   raised with `issueSaying(text(nb, en))`, which carries both in the issue.
 *
 * `saidText` finds the pair again for an issue. A test walks every command's
 * schema and checks that each fixed message is in the table.
 */
import type { Text } from './i18n';

const table = new Map<string, Text>();

/** A fixed schema message: filed with its Norwegian form; zod is given the English. */
export function says(message: Text): string {
  const filed = table.get(message.en);
  if (filed && filed.nb !== message.nb) {
    throw new Error(`two Norwegian forms for the schema message "${message.en}"`);
  }
  table.set(message.en, message);
  return message.en;
}

/** A type, not an interface: zod's addIssue takes it only with an implied index signature. */
export type SaidIssue = {
  code: 'custom';
  message: string;
  params: { text: Text };
  path?: PropertyKey[];
};

/** A message made while checking (ctx.addIssue), with both languages in the issue. */
export function issueSaying(message: Text, path?: PropertyKey[]): SaidIssue {
  return {
    code: 'custom',
    message: message.en,
    params: { text: message },
    ...(path ? { path } : {}),
  };
}

function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Text>).nb === 'string' &&
    typeof (value as Partial<Text>).en === 'string'
  );
}

/** The schema's own message for an issue in both languages, or null when zod wrote it. */
export function saidText(issue: { message: string; params?: unknown }): Text | null {
  const carried = (issue.params as { text?: unknown } | undefined)?.text;
  if (isText(carried)) return carried;
  return table.get(issue.message) ?? null;
}
