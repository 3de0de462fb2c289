/**
 * csv_import_100k_rows_s (issue 17, "Benchmarks"): 100,000 members imported
 * from another system's CSV on PostgreSQL (127.0.0.1:5432 or DATABASE_URL,
 * database `test`), as the back office's import does it: the file parsed
 * (csv-parse; UTF-8 with BOM, `;`, CRLF), planned (phones normalised,
 * duplicates and members looked up), and written a chunk of 1,000 rows per
 * transaction into the cloud's event log (member.enrolled and, for a third
 * of them, member.consent_changed) by the import's bulk write
 * (cloud/imports/bulk.ts: the lookup index, ledgers and projections a push
 * would keep, each table one statement per chunk). Each next chunk's events,
 * ledgers, lookup rows and facts are made in JS while the current chunk's
 * statements run (cloud/imports/run.ts), used when its transaction reads the
 * numbers, clock and programme they were made from: the JS and PostgreSQL
 * overlap only as far as a core is free.
 *
 * Floor: a bare bulk insert of the same rows into the same database — the
 * very event rows the import wrote (read back, given another chain) and their
 * members' lookup rows, as multi-row INSERTs of 10,000 rows from arrays, one
 * transaction. Goal: the import within 3× the floor, and under 60 s.
 *
 * A fresh schema (`lojal_bench_import`) each run, made by the cloud's migrations.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { addStore } from '../cloud/chains';
import { openDatabase } from '../cloud/db/open';
import { runImport, uploadFile } from '../cloud/imports/run';
import { suggestMapping } from '../src/core/imports/plan';
import { figure, profiled } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';

const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'lojal_bench_import';
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const GOAL_S = 60;
const GOAL_RATIO = 3;

function schemaUrl(): string {
  const url = new URL(POSTGRES);
  url.searchParams.set('options', `-c search_path=${SCHEMA}`);
  return url.toString();
}

const FIRST = ['Åse', 'Bjørn', 'Kari', 'Ola', 'Siri', 'Per', 'Ingrid', 'Håkon', 'Mette', 'Øystein'];
const LAST = ['Ødegård', 'Hansen', 'Johansen', 'Ærø', 'Larsen', 'Berg', 'Haugen', 'Dahl'];

/** The other system's export: UTF-8 with a BOM, `;`, CRLF, every field of a real one. */
export function generatedFile(rows: number): Uint8Array {
  const lines = [
    'Mobil;Fornavn;Etternavn;E-post;Fødselsdato;Postnr;Kjønn;Kundenr;SMS;Samtykketidspunkt;Kilde',
  ];
  for (let i = 0; i < rows; i++) {
    const phone = String(40_000_000 + i * 7);
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    const consent = i % 3 === 0;
    lines.push(
      [
        phone,
        first,
        `"${last}"`,
        `kunde${i}@eksempel.no`,
        `${day}.${month}.${1950 + (i % 55)}`,
        String(1000 + (i % 8000)).padStart(4, '0'),
        i % 2 ? 'K' : 'M',
        `K-${i}`,
        consent ? 'ja' : 'nei',
        consent ? `2024-0${(i % 9) + 1}-15 10:00` : '',
        consent ? 'Nettbutikk' : '',
      ].join(';'),
    );
  }
  return new TextEncoder().encode('\uFEFF' + lines.join('\r\n') + '\r\n');
}

async function freshSchema(): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
  } finally {
    await admin.end();
  }
}

/** The bare bulk insert: the same event rows and lookup rows, into another chain. */
async function bareInsert(client: pg.Client, fromChain: string, toChain: string): Promise<number> {
  const events = await client.query<{
    id: string;
    store_id: string;
    terminal_id: string;
    hlc: string;
    type: string;
    member_id: string;
    schema_version: number;
    payload: unknown;
  }>(
    `SELECT id, store_id, terminal_id, hlc, type, member_id, schema_version, payload
       FROM events WHERE chain_id = $1 ORDER BY seq`,
    [fromChain],
  );
  const members = await client.query<{
    member_id: string;
    member_number: string;
    phone_e164: string;
    enrolled_at: string;
  }>('SELECT member_id, member_number, phone_e164, enrolled_at FROM members WHERE chain_id = $1', [
    fromChain,
  ]);
  const payloads = events.rows.map((r) => JSON.stringify(r.payload));
  const BATCH = 10_000;
  const t0 = performance.now();
  await client.query('BEGIN');
  for (let i = 0; i < events.rows.length; i += BATCH) {
    const part = events.rows.slice(i, i + BATCH);
    await client.query(
      `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, received_at)
       SELECT $1, e.id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id, e.schema_version, e.payload::jsonb, false, $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[])
           AS e(id, store_id, terminal_id, hlc, type, member_id, schema_version, payload)`,
      [
        toChain,
        Date.now(),
        part.map((r) => r.id),
        part.map((r) => r.store_id),
        part.map((r) => r.terminal_id),
        part.map((r) => r.hlc),
        part.map((r) => r.type),
        part.map((r) => r.member_id),
        part.map((r) => r.schema_version),
        payloads.slice(i, i + BATCH),
      ],
    );
  }
  for (let i = 0; i < members.rows.length; i += BATCH) {
    const part = members.rows.slice(i, i + BATCH);
    await client.query(
      `INSERT INTO members (chain_id, member_id, member_number, phone_e164, erased, enrolled_at)
       SELECT $1, m.member_id, m.member_number, m.phone_e164, false, m.enrolled_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS m(member_id, member_number, phone_e164, enrolled_at)`,
      [
        toChain,
        part.map((r) => r.member_id),
        part.map((r) => r.member_number),
        part.map((r) => r.phone_e164),
        part.map((r) => r.enrolled_at),
      ],
    );
  }
  await client.query('COMMIT');
  return (performance.now() - t0) / 1000;
}

const bench: Benchmark = {
  name: 'import',
  about: `${ROWS.toLocaleString('en')} members imported from CSV on PostgreSQL vs a bare bulk insert of the same rows`,
  async run(): Promise<Figure[]> {
    await freshSchema();
    const db = await openDatabase({ databaseUrl: schemaUrl() });
    const client = new pg.Client({ connectionString: schemaUrl() });
    await client.connect();
    try {
      const now = Date.now();
      const imported = await addStore(db, { chain: 'Importkjeden', store: 'Sentrum' }, now);
      const floorChain = await addStore(db, { chain: 'Gulvkjeden', store: 'Sentrum' }, now);
      const file = generatedFile(ROWS);
      const who = { chainId: imported.chainId, accountId: 'bench-owner' };

      const loadBefore = loadavg()[0]!;
      const t0 = performance.now();
      const created = await profiled('import', async () => {
        const preview = uploadFile(who, 'medlemmer.csv', file, now);
        const mapping = suggestMapping(preview.header);
        let from = 0;
        let made = 0;
        for (;;) {
          const progress = await runImport(db, who, preview.uploadId, mapping, from, now);
          made += progress.created;
          from = progress.done;
          if (progress.finished) return made;
        }
      });
      const importS = (performance.now() - t0) / 1000;
      if (created !== ROWS) throw new Error(`imported ${created} of ${ROWS} rows`);

      const floorS = await bareInsert(client, imported.chainId, floorChain.chainId);
      const ratio = importS / floorS;
      const note =
        `${(file.length / 1024 / 1024).toFixed(1)} MB file; ${created} members, ` +
        `${Math.ceil(ROWS / 1000)} transactions of 1,000 rows by the bulk write, each next chunk made in JS while the current one's statements run; floor: the same event and lookup rows by INSERT … SELECT unnest, 10,000 rows a statement; ` +
        `load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores shared)`;
      return [
        figure({
          name: 'csv_import_100k_rows_s',
          value: importS,
          unit: 's',
          floor: floorS,
          goal: `≤ ${GOAL_RATIO}× the bare bulk insert, and under ${GOAL_S} s`,
          met: importS <= GOAL_RATIO * floorS && importS < GOAL_S,
          note: ROWS === 100_000 ? note : `${ROWS} rows only (BENCH_IMPORT_ROWS): ${note}`,
        }),
      ].map((f) => ({ ...f, ratio: Math.round(ratio * 100) / 100 }));
    } finally {
      await client.end();
      await db.close();
    }
  },
};

export default bench;
