/**
 * The chain's products in the back office ("Produkter"): the catalogue as the
 * tills sell from it, read by any account, changed by an owner only. Every
 * change is one `catalogue.saved` event holding the whole new catalogue (the
 * event's shape), written by the cloud into the chain's log with the account
 * as its author, which the tills pull like any other.
 *
 * A product is checked here by the form's schema (each field's words, in the
 * reader's language) and then, in the cloud, the whole new catalogue by the
 * core's own `Catalogue` schema (src/core/catalogue.ts): SKUs and barcodes
 * unique across it.
 */
import { z } from 'zod';
import { VAT_RATES } from '../../core/catalogue';
import { msg } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import { isWellFormedText, LIMITS } from '../../core/limits';
import { issueSaying, saidText, says } from '../../core/schema-messages';
import { boCommand, returns } from './define';

/** The cloud's words when it refuses a product change (beyond the schemas' own). */
export const PRODUCT_REFUSALS = {
  skuTaken: 'backoffice.products.skuTaken',
  skuTwiceInFile: 'backoffice.products.skuTwiceInFile',
  catalogueTooLarge: 'backoffice.products.catalogueTooLarge',
  barcodeTaken: 'programme.barcodeTaken',
} as const;

/** Rows a CSV import may hold (the header not counted). */
export const IMPORT_MAX_ROWS = 10_000;
/** Characters a CSV import may hold (about 2 MB: far beyond 10,000 rows of products). */
export const IMPORT_MAX_CHARS = 2_000_000;
/** Products a list answers at most (the search narrows it). */
export const LIST_MAX = 500;

const wellFormed = { message: says(msg('contract.wellFormed')) };

function text(max: number, needed: Msg, tooLong: Msg) {
  return z
    .string()
    .trim()
    .min(1, says(needed))
    .max(max, says(tooLong))
    .refine(isWellFormedText, wellFormed);
}

const priceOre = z
  .number({ error: says(msg('backoffice.products.priceNeeded')) })
  .int(says(msg('backoffice.products.priceNeeded')))
  .nonnegative(says(msg('backoffice.products.priceNeeded')))
  .max(
    LIMITS.maxUnitPriceOre,
    says(msg('programme.priceTooHigh', { max: LIMITS.maxUnitPriceOre / 100 })),
  );

export const Barcode = z
  .string()
  .trim()
  .regex(/^\d{8,14}$/, says(msg('programme.barcodeDigits')));

export const VatRateInput = z.union([z.literal(25), z.literal(15), z.literal(12), z.literal(0)], {
  error: says(msg('backoffice.products.vatRate', { rates: VAT_RATES.join(', ') })),
});

/** A product as the form (and a CSV row) gives it; prices in øre. */
export const ProductForm = z
  .object({
    sku: text(
      64,
      msg('backoffice.products.skuNeeded'),
      msg('backoffice.products.skuTooLong', { max: 64 }),
    ),
    barcodes: z
      .array(Barcode)
      .max(100, says(msg('backoffice.products.tooManyBarcodes', { max: 100 })))
      .default([]),
    name: text(
      120,
      msg('backoffice.products.nameNeeded'),
      msg('backoffice.products.nameTooLong', { max: 120 }),
    ),
    category: text(
      64,
      msg('backoffice.products.categoryNeeded'),
      msg('backoffice.products.categoryTooLong', { max: 64 }),
    ),
    priceOre,
    /** Medlemspris; null: none. */
    memberPriceOre: priceOre.nullable().default(null),
    vatRate: VatRateInput,
    /** Shown as a quick key at the till. */
    quickKey: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    if (p.memberPriceOre !== null && p.memberPriceOre > p.priceOre)
      ctx.addIssue(issueSaying(msg('programme.memberPriceAboveNormal'), ['memberPriceOre']));
    const seen = new Set<string>();
    for (const code of p.barcodes) {
      if (seen.has(code))
        ctx.addIssue(
          issueSaying(msg('backoffice.products.barcodeTwice', { barcode: code }), ['barcodes']),
        );
      seen.add(code);
    }
  });
export type ProductFormInput = z.input<typeof ProductForm>;
export type ProductFormValue = z.output<typeof ProductForm>;

/** A product as the back office shows it. */
export interface BoProduct {
  sku: string;
  barcodes: string[];
  name: string;
  category: string;
  priceOre: number;
  memberPriceOre: number | null;
  vatRate: 25 | 15 | 12 | 0;
  quickKey: boolean;
}

export interface BoCatalogue {
  /** The products matching the search, in the catalogue's order (at most LIST_MAX). */
  products: BoProduct[];
  /** How many match (may be more than shown). */
  matched: number;
  /** How many the catalogue holds. */
  total: number;
  /** Every category of the catalogue, sorted. */
  categories: string[];
  /** The save in force: when and by whom (an account's name; null: a till or the first run). */
  savedAt: number | null;
  savedBy: string | null;
}

export type ImportRowStatus = 'new' | 'changed' | 'unchanged' | 'error';

export interface ImportRowProblem {
  /** The column at fault as the file names it (null: the row as a whole). */
  column: string | null;
  said: Msg;
}

export interface ImportRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  sku: string | null;
  name: string | null;
  status: ImportRowStatus;
  problems: ImportRowProblem[];
  /** For a changed product: the fields that change. */
  changes: Array<keyof BoProduct>;
}

export interface ImportReport {
  /** What stops the whole file (no header, a column missing, too many rows); rows are then empty. */
  fileProblems: Msg[];
  /** Columns of the file that were not read. */
  ignoredColumns: string[];
  rows: ImportRow[];
  counts: Record<ImportRowStatus, number>;
  /** Whether the rows were applied (one catalogue save). */
  applied: boolean;
  /** Products in the catalogue after (or, for a dry run, as it would be). */
  total: number;
}

export const productsCommands = {
  /** The catalogue the tills sell from; search by name, SKU or barcode, filter by category. */
  'products.list': boCommand({
    input: z.object({
      search: z.string().max(120).default(''),
      category: z.string().max(64).nullable().default(null),
    }),
    output: returns<BoCatalogue>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /**
   * Adds a product, or changes one (`previousSku`: the SKU it had, so a SKU may
   * change too). The whole new catalogue is checked and saved as one event.
   */
  'products.save': boCommand({
    input: z.object({
      product: ProductForm,
      previousSku: z.string().max(64).nullable().default(null),
    }),
    output: returns<{ product: BoProduct; total: number; savedAt: number }>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /** Takes a product out of the catalogue (the tills stop selling it by its keys and codes). */
  'products.remove': boCommand({
    input: z.object({ sku: z.string().min(1).max(64) }),
    output: returns<{ sku: string; total: number; savedAt: number }>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /**
   * A CSV file's products: a dry run answers the row report; `apply` saves
   * every valid row in one catalogue save, or, with `allOrNothing`, nothing
   * at all when any row is wrong. Products the file does not name are kept.
   */
  'products.importCsv': boCommand({
    input: z.object({
      csv: z
        .string()
        .max(IMPORT_MAX_CHARS, says(msg('backoffice.products.fileTooLarge', { max: 2 }))),
      apply: z.boolean().default(false),
      allOrNothing: z.boolean().default(false),
    }),
    output: returns<ImportReport>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
} as const;

// ---- kroner ----------------------------------------------------------------

/**
 * Kroner as people type them ("29,90", "29.90", "1 299,00", "kr 49") in øre;
 * null when it is not an amount. Thousands are grouped by spaces only: "1.299"
 * would be ambiguous and is refused.
 */
export function parseKroner(typed: string): number | null {
  const compact = typed
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^kr\.?/i, '')
    .replace(/(kr|,-|\.-)$/i, '');
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(ore) ? ore : null;
}

/** Øre as the form shows them to edit ("29,90"). */
export function kronerText(ore: number): string {
  return `${Math.floor(ore / 100)},${String(ore % 100).padStart(2, '0')}`;
}

// ---- CSV ---------------------------------------------------------------------

export type ProductColumn =
  'sku' | 'barcodes' | 'name' | 'category' | 'price' | 'memberPrice' | 'vat' | 'quickKey';

/** Column names in Norwegian or English, compared without case, spaces, dashes or underscores. */
const COLUMN_NAMES: Record<string, ProductColumn> = {
  sku: 'sku',
  varenummer: 'sku',
  varenr: 'sku',
  artikkelnummer: 'sku',
  barcodes: 'barcodes',
  barcode: 'barcodes',
  strekkoder: 'barcodes',
  strekkode: 'barcodes',
  ean: 'barcodes',
  gtin: 'barcodes',
  name: 'name',
  navn: 'name',
  varenavn: 'name',
  category: 'category',
  kategori: 'category',
  varegruppe: 'category',
  price: 'price',
  pris: 'price',
  memberprice: 'memberPrice',
  medlemspris: 'memberPrice',
  vat: 'vat',
  vatrate: 'vat',
  mva: 'vat',
  mvasats: 'vat',
  quickkey: 'quickKey',
  hurtigtast: 'quickKey',
};

const REQUIRED_COLUMNS: readonly ProductColumn[] = ['sku', 'name', 'category', 'price', 'vat'];

function columnOf(header: string): ProductColumn | null {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()%]/g, '');
  return COLUMN_NAMES[key] ?? null;
}

/**
 * RFC 4180 records: fields in double quotes may hold the separator, quotes
 * ("") and line breaks; lines end in CRLF or LF. The separator is the header
 * line's `;` or `,` (whichever it has more of, outside quotes). A BOM is
 * dropped. Empty lines are skipped; each record keeps its first line number.
 */
export function readCsv(text: string): {
  separator: ';' | ',';
  records: Array<{ line: number; fields: string[] }>;
} {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = body.search(/\r?\n/);
  const head = firstLineEnd < 0 ? body : body.slice(0, firstLineEnd);
  const unquoted = head.replace(/"[^"]*"/g, '');
  const separator =
    (unquoted.match(/;/g)?.length ?? 0) >= (unquoted.match(/,/g)?.length ?? 0) &&
    unquoted.includes(';')
      ? ';'
      : ',';
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  const endRecord = () => {
    fields.push(field);
    if (sawAny || fields.length > 1 || field !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    sawAny = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      sawAny = true;
    } else if (c === separator) {
      fields.push(field);
      field = '';
      sawAny = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0 || sawAny) endRecord();
  return { separator, records };
}

export interface ParsedRow {
  line: number;
  product: ProductFormValue | null;
  sku: string | null;
  name: string | null;
  problems: ImportRowProblem[];
}

export interface ParsedCsv {
  fileProblems: Msg[];
  ignoredColumns: string[];
  rows: ParsedRow[];
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'x']);
const NO = new Set(['nei', 'n', 'no', 'false', '0', '']);

/**
 * A CSV file's products, each row checked by the form's schema on its own
 * (its problems named by the file's own column names). What the rows do to
 * the catalogue (new, changed, unchanged, a barcode another product holds) is
 * the cloud's to say: it knows the catalogue.
 */
export function parseProductsCsv(text: string): ParsedCsv {
  const empty = (problem: Msg): ParsedCsv => ({
    fileProblems: [problem],
    ignoredColumns: [],
    rows: [],
  });
  if (text.length > IMPORT_MAX_CHARS)
    return empty(msg('backoffice.products.fileTooLarge', { max: 2 }));
  const { records } = readCsv(text);
  const header = records[0];
  if (!header) return empty(msg('backoffice.products.fileEmpty'));
  const columns = header.fields.map(columnOf);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return empty(
      msg('backoffice.products.columnsMissing', {
        columns: missing.map((c) => COLUMN_LABEL[c]).join(', '),
      }),
    );
  const twice = columns.find((c, i) => c !== null && columns.indexOf(c) !== i);
  if (twice) return empty(msg('backoffice.products.columnTwice', { column: COLUMN_LABEL[twice] }));
  const dataRows = records.slice(1);
  if (dataRows.length > IMPORT_MAX_ROWS)
    return empty(
      msg('backoffice.products.tooManyRows', { max: IMPORT_MAX_ROWS, rows: dataRows.length }),
    );
  if (dataRows.length === 0) return empty(msg('backoffice.products.noRows'));
  const ignoredColumns = header.fields.filter((_h, i) => columns[i] === null).map((h) => h.trim());
  const nameOf = (column: ProductColumn) => header.fields[columns.indexOf(column)]!.trim();
  const rows = dataRows.map((record): ParsedRow => {
    const cell = (column: ProductColumn): string | undefined => {
      const at = columns.indexOf(column);
      return at < 0 ? undefined : (record.fields[at] ?? '').trim();
    };
    const problems: ImportRowProblem[] = [];
    const said = (column: ProductColumn, message: Msg) =>
      problems.push({ column: nameOf(column), said: message });
    const price = parseKroner(cell('price') ?? '');
    if (price === null) said('price', msg('backoffice.products.kroner'));
    const memberText = cell('memberPrice') ?? '';
    const memberPrice = memberText === '' ? null : parseKroner(memberText);
    if (memberPrice === null && memberText !== '')
      said('memberPrice', msg('backoffice.products.kroner'));
    const vatText = (cell('vat') ?? '').replace(/\s*%$/, '').replace(',', '.');
    const vat = vatText === '' ? NaN : Number(vatText);
    const quickText = (cell('quickKey') ?? '').toLowerCase();
    if (!YES.has(quickText) && !NO.has(quickText))
      said('quickKey', msg('backoffice.products.yesNo'));
    const candidate = {
      sku: cell('sku') ?? '',
      barcodes: (cell('barcodes') ?? '').split(/[|\s]+/).filter((b) => b !== ''),
      name: cell('name') ?? '',
      category: cell('category') ?? '',
      priceOre: price ?? 0,
      memberPriceOre: memberPrice,
      vatRate: vat,
      quickKey: YES.has(quickText),
    };
    const checked = ProductForm.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column = FIELD_COLUMN[field];
        // A price that is not kroner is said once, as such.
        if (
          (field === 'priceOre' && price === null) ||
          (field === 'memberPriceOre' && memberPrice === null && memberText !== '')
        )
          continue;
        const message = saidText(issue) ?? msg('backoffice.products.rowWrong');
        if (
          problems.some(
            (p) => p.said.key === message.key && p.column === (column ? nameOf(column) : null),
          )
        )
          continue;
        problems.push({ column: column ? nameOf(column) : null, said: message });
      }
    }
    const sku = candidate.sku === '' ? null : candidate.sku.slice(0, 64);
    const name = candidate.name === '' ? null : candidate.name.slice(0, 120);
    if (problems.length > 0 || !checked.success)
      return { line: record.line, product: null, sku, name, problems };
    return { line: record.line, product: checked.data, sku, name, problems: [] };
  });
  return { fileProblems: [], ignoredColumns, rows };
}

const FIELD_COLUMN: Record<string, ProductColumn> = {
  sku: 'sku',
  barcodes: 'barcodes',
  name: 'name',
  category: 'category',
  priceOre: 'price',
  memberPriceOre: 'memberPrice',
  vatRate: 'vat',
  quickKey: 'quickKey',
};

/** The column's usual Norwegian name, for a file's problems. */
const COLUMN_LABEL: Record<ProductColumn, string> = {
  sku: 'varenummer',
  barcodes: 'strekkoder',
  name: 'navn',
  category: 'kategori',
  price: 'pris',
  memberPrice: 'medlemspris',
  vat: 'mva',
  quickKey: 'hurtigtast',
};
