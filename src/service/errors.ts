/** Turning anything a command throws into a ServiceError the transports can show. */
import { z } from 'zod';
import { eventBytes, maxEventBytesFor } from '../core/events';
import { text } from '../core/i18n';
import { findJsonProblem } from '../core/limits';
import type { JsonProblemCode } from '../core/limits';
import type { Text } from '../core/i18n';
import { DatabaseTooNewError } from '../store';
import { ServiceError } from './commands';
import { issuesText } from './input-text';

/** "lines.0.sku" for a zod path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string | null {
  return path.length === 0 ? null : path.map((p) => String(p)).join('.');
}

/**
 * The first issue as the field at fault. `message` keeps its API form
 * ("phone: …", zod's English); `text` says it to the cashier in both languages.
 */
export function invalidInput(
  error: { issues: ReadonlyArray<z.core.$ZodIssue> },
  command?: string,
): ServiceError {
  const issue = error.issues[0];
  const said = issuesText(error.issues, command);
  if (!issue) return new ServiceError('invalid_input', said, null, 400);
  const field = fieldPath(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  const message = field ? `${field}: ${issue.message}${more}` : `${issue.message}${more}`;
  return new ServiceError('invalid_input', said, field, 400, message);
}

export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  if (error instanceof DatabaseTooNewError) {
    return new ServiceError(
      'database_too_new',
      text(
        `Databasen er laget av en nyere versjon av Lojal (versjon ${error.found}, denne leser til ${error.supported}). Oppdater Lojal på denne kassen før den åpnes; dataene er urørt.`,
        error.message,
      ),
      null,
      500,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ServiceError(
    'internal',
    text(
      `Noe gikk galt i kassetjenesten (${message}). Prøv igjen; hjelper ikke det, se loggen.`,
      `Something went wrong in the till service (${message}). Try again; if that does not help, see the log.`,
    ),
    null,
    500,
    message,
  );
}

/** A command that arrives while (or after) the till shuts down. */
export const SERVICE_CLOSED = text(
  'Kassetjenesten er stengt. Start kassen på nytt.',
  'the till service has been closed',
);

export const notFound = (code: string, said: Text, field: string | null = null) =>
  new ServiceError(code, said, field, 404);

export const conflict = (code: string, said: Text, field: string | null = null) =>
  new ServiceError(code, said, field, 409);

/** What each kind of event is called when it is too large (a sale, the catalogue, ...). */
const TOO_LARGE: Record<string, { said: Text; field: string | null }> = {
  'sale.committed': {
    said: text(
      'Salget er for stort til å lagres og sendes til skyen: del det i flere salg (færre varelinjer).',
      'the sale is too large to store and send to the cloud: split it into several sales (fewer lines)',
    ),
    field: 'lines',
  },
  'catalogue.saved': {
    said: text(
      'Varekatalogen er for stor til å lagres og sendes til skyen: færre varer eller færre strekkoder per vare.',
      'the catalogue is too large to store and send to the cloud: fewer products or fewer barcodes per product',
    ),
    field: 'products',
  },
  'programme.saved': {
    said: text(
      'Programmet er for stort til å lagres og sendes til skyen: færre tilbud eller kortere tekster.',
      'the programme is too large to store and send to the cloud: fewer offers or shorter texts',
    ),
    field: 'programme',
  },
};

/**
 * An event this till is about to write that the cloud would refuse for its
 * size (LIMITS.maxEventBytes, maxConfigEventBytes): the command is refused
 * instead, so nothing the till commits is unsendable.
 */
export function refuseIfTooLarge(event: { type: string }): void {
  const limit = maxEventBytesFor(event.type);
  const bytes = eventBytes(event);
  if (bytes <= limit) return;
  const kib = (n: number) => Math.ceil(n / 1024);
  const known = TOO_LARGE[event.type];
  const said =
    known?.said ??
    text(
      'Endringen er for stor til å lagres og sendes til skyen.',
      'the change is too large to store and send to the cloud',
    );
  throw new ServiceError(
    'event_too_large',
    said,
    known?.field ?? null,
    400,
    `${said.en} (${kib(bytes)} KiB; the cloud takes at most ${kib(limit)} KiB)`,
  );
}

/** What the cloud would refuse in an event besides its size: the same check as at its edge. */
const UNSENDABLE: Readonly<Record<JsonProblemCode, { code: string; said: Text }>> = {
  malformed_text: {
    code: 'invalid_text',
    said: text(
      'Endringen inneholder tegn som ikke kan lagres (NUL eller en ugyldig Unicode-surrogat). Fjern tegnet og prøv igjen.',
      'the change holds characters that cannot be stored (a NUL or a lone surrogate); remove them and try again',
    ),
  },
  unsafe_number: {
    code: 'unsafe_number',
    said: text(
      'Endringen inneholder et tall som er for stort til å lagres nøyaktig. Bruk et mindre tall.',
      'the change holds a number too large to keep exactly; use a smaller one',
    ),
  },
  too_deep: {
    code: 'too_deep',
    said: text(
      'Endringen er nøstet for dypt til å sendes til skyen. Send en enklere struktur.',
      'the change is nested too deeply for the cloud; send a flatter structure',
    ),
  },
};

/**
 * An event this till is about to write that the cloud would refuse, for its
 * size or for what its whole body holds (an input passes the edge's depth
 * check, and its event wraps it deeper): the command is refused instead.
 */
export function refuseIfUnsendable(event: { type: string }): void {
  refuseIfTooLarge(event);
  const problem = findJsonProblem(event);
  if (problem === null) return;
  const { code, said } = UNSENDABLE[problem.code];
  const field = problem.path.replace(/^payload\.?/, '') || null;
  throw new ServiceError(code, said, field, 400, `${said.en} (${problem.message})`);
}
