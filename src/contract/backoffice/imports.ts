/**
 * Members in from another system's CSV, and out for Excel (issue 17 point 5).
 *
 * Importing is the chain's owners' (it enrols members in every store): the
 * file is sent in parts (`imports.upload`, each part well under the RPC's
 * body limit, so a 100,000-row file of ~10 MB goes in three or four), the
 * answer to the last part is what was found in it (encoding, separator,
 * header, a guessed mapping); then `imports.dryRun` with the mapping reports
 * every row not taken and why, saving nothing; then `imports.run` imports a
 * slice of rows per call, one transaction per chunk, and says how far it got,
 * so the page shows progress and a call that fails is simply made again (a
 * row already imported is never imported twice).
 *
 * The export is any account's: an owner gets the chain's members, a store
 * manager the members of their stores (enrolled or bought there), with phone
 * and e-mail masked where the account may not see them.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import { IMPORT_FIELDS } from '../../core/imports/fields';
import type { ImportField } from '../../core/imports/fields';
import { boCommand, returns } from './define';
import { Id } from './schemas';

/** One part of a file: at most this many bytes (base64 makes them 4/3 as many characters). */
export const IMPORT_PART_BYTES = 4 * 1024 * 1024;
/** A whole file: at most this many bytes (well over 100,000 members' rows). */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;
/** Rows per `imports.run` call (each chunk of IMPORT_CHUNK_ROWS in its own transaction). */
export const IMPORT_RUN_ROWS = 5000;
export const IMPORT_CHUNK_ROWS = 1000;
/** Problems listed in an answer; all of them are in its report file. */
export const IMPORT_PROBLEMS_SHOWN = 500;

export interface BoImportProblem {
  row: number;
  /** The column's heading in the file; null for the row as a whole. */
  column: string | null;
  reason: Msg;
}

export interface BoImportPreview {
  uploadId: string;
  fileName: string;
  bytes: number;
  encoding: 'utf-8-bom' | 'utf-8' | 'windows-1252';
  delimiter: ';' | ',';
  header: string[];
  /** Data rows (below the header), broken ones included. */
  rows: number;
  /** The first few rows as read, for the mapping. */
  sample: string[][];
  suggested: Partial<Record<ImportField, number>>;
}

export interface BoImportReport {
  rows: number;
  /** Members the import would create. */
  take: number;
  refusedCount: number;
  notesCount: number;
  /** The first IMPORT_PROBLEMS_SHOWN of each. */
  refused: BoImportProblem[];
  notes: BoImportProblem[];
  /** Every problem and note as a CSV file for Excel (row; column; reason in the asked language). */
  reportCsv: string;
}

export interface BoImportProgress {
  /** Rows of the file handled so far (taken or not). */
  done: number;
  total: number;
  finished: boolean;
  /** Members this call created. */
  created: number;
  /** Rows this call found already imported (by an earlier call of the same upload). */
  alreadyImported: number;
  /** Rows this call refused (the dry run's, and phones that became members since). */
  refused: BoImportProblem[];
}

export interface BoMembersExport {
  fileName: string;
  /** UTF-8 with a byte-order mark, `;`, CRLF, text quoted. */
  csv: string;
  rows: number;
}

/** The cloud's refusals of an upload or an import. */
export const importRefusals = {
  gone: () => msg('backoffice.import.error.gone'),
  tooLarge: (megabytes: number) => msg('backoffice.import.error.tooLarge', { megabytes }),
  /** The cloud holds as many uploaded bytes as it takes at once (all owners' uploads together). */
  busy: () => msg('backoffice.import.error.busy'),
  empty: () => msg('backoffice.import.error.empty'),
  part: () => msg('backoffice.import.error.part'),
  numbers: () => msg('backoffice.import.error.numbers'),
};

const ColumnIndex = z.number().int().min(0).max(499);
export const ImportMappingInput = z
  .object(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, ColumnIndex.optional()])) as Record<
      ImportField,
      z.ZodOptional<typeof ColumnIndex>
    >,
  )
  .strict();

const Locale = z.enum(['nb', 'en', 'sv']).default('nb');

export const importsCommands = {
  /** A part of a file (base64); the first has no uploadId and gets one; the last answers the preview. */
  'imports.upload': boCommand({
    input: z.object({
      uploadId: Id().nullable(),
      fileName: z.string().min(1).max(255),
      part: z.number().int().min(0).max(63),
      data: z.string().max(Math.ceil(IMPORT_PART_BYTES / 3) * 4),
      last: z.boolean(),
    }),
    output: returns<{ uploadId: string; preview: BoImportPreview | null }>(),
    role: 'owner',
    scope: 'stores',
    access: 'write',
  }),

  /** What an import with this mapping would do: nothing is saved. */
  'imports.dryRun': boCommand({
    input: z.object({ uploadId: Id(), mapping: ImportMappingInput, locale: Locale }),
    output: returns<BoImportReport>(),
    role: 'owner',
    scope: 'stores',
    access: 'read',
  }),

  /** Imports the rows from `from` (a count of rows done), IMPORT_RUN_ROWS at most. */
  'imports.run': boCommand({
    input: z.object({
      uploadId: Id(),
      mapping: ImportMappingInput,
      from: z.number().int().min(0).max(10_000_000),
    }),
    output: returns<BoImportProgress>(),
    role: 'owner',
    scope: 'stores',
    access: 'write',
  }),

  /** The members the account reaches as a CSV file for Excel (headings in `locale`). */
  'members.exportList': boCommand({
    input: z.object({ locale: Locale }),
    output: returns<BoMembersExport>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
} as const;
