/**
 * `npm run cloud [-- COMMAND]`: the reference cloud server and its admin commands.
 *
 *   serve (default)                          start the HTTP server
 *   demo                                     serve the demo bakery's chain with public logins (npm start runs it)
 *   add-store --chain NAME --store NAME      add a store (and its chain); prints the store code
 *   list-stores                              chains, stores, codes and paired terminals
 *   add-admin-token --chain NAME [--label L] a back-office token for the chain (printed once)
 *   set-programme --chain NAME --file F.json save the chain's programme; tills pull it
 *   set-retention --chain NAME --days N      days tills keep other stores' sales (default 90; 1–3660)
 *   list-terminals [--chain NAME]            paired tills: id, store, name, last seen, active
 *   revoke-terminal --terminal ID            refuse a till's token from now on (stolen, retired)
 *   list-refused --chain NAME [--limit N]    events the cloud refused or tills quarantined, newest first
 *   purge-erased                             rewrite the tables so erased members' old row versions are gone (nightly; see README)
 *   add-owner --chain NAME --email E --name N [--password-stdin]
 *                                            the chain's owner in the back office (the chain is made when new);
 *                                            prints a one-time link to set the password (valid 7 days)
 *   reset-password --email E                 prints a one-time link to set a new password (valid 24 hours)
 *
 * Environment: LOJAL_CLOUD_PORT (default 4790; 0 = any free port), LOJAL_CLOUD_HOST
 * (default 127.0.0.1), LOJAL_CLOUD_DATA (embedded database folder, default
 * ./.lojal-cloud), DATABASE_URL (use this PostgreSQL instead), LOJAL_CLOUD_PUBLIC_URL
 * (the address people open the back office at, e.g. https://lojal.example.no: the
 * links printed, the allowed Origin, Secure cookies when https), LOJAL_OWNER_PASSWORD
 * (add-owner sets this password instead of printing a link; for scripts without input).
 * SMS and e-mail to members (LOJAL_SMS_*, LOJAL_SMTP_URL, LOJAL_MAIL_*): cloud/messaging/config.ts.
 * LOJAL_MEMBER_PAGE_SECRET (at least 32 characters) signs the member page's links, so that
 * servers sharing a database make the same ones; unset, a secret kept in the database is used.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isWellFormedText } from '../src/core/limits';
import { addOwner, checkNewPassword, resetLinkFor, setPassword } from './accounts/admin';
import { linkUrl } from './accounts/links';
import { serveDemoCloud } from './demo';
import { parseProgramme } from '../src/core/programme';
import type { Programme } from '../src/core/programme';
import {
  addAdminToken,
  addStore,
  chainIdByName,
  listStores,
  listTerminals,
  revokeTerminal,
} from './chains';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { purgeErased } from './maintenance';
import { checkMemberPageSecret } from './member-page/tokens';
import { messagingFromEnv } from './messaging/config';
import { saveProgramme } from './programme-change';
import { setSalesRetentionDays } from './snapshots';
import { listRefused } from './refusals';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, startCloudServer } from './server';

const USAGE = `usage: npm run cloud -- [serve | add-store --chain NAME --store NAME | list-stores |
                        add-admin-token --chain NAME [--label LABEL] | set-programme --chain NAME --file PROGRAMME.json |
                        set-retention --chain NAME --days N |
                        list-terminals [--chain NAME] | revoke-terminal --terminal ID |
                        list-refused --chain NAME [--limit N] | purge-erased |
                        add-owner --chain NAME --email EMAIL --name NAME [--password-stdin] |
                        reset-password --email EMAIL]`;

class UsageError extends Error {}

interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where people open the back office (links, Origin, Secure cookies); the server's own when unset. */
  publicUrl: string | undefined;
  /** Signs the member page's links; the one kept in the database when unset. */
  memberPageSecret: string | undefined;
}

function publicUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const given = env.LOJAL_CLOUD_PUBLIC_URL;
  if (!given) return undefined;
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(
      `LOJAL_CLOUD_PUBLIC_URL must be an address like https://lojal.example.no, not "${given}"`,
    );
  }
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  )
    throw new UsageError(
      `LOJAL_CLOUD_PUBLIC_URL is the cloud's origin only (https://host[:port]), not "${given}"`,
    );
  return url.origin;
}

function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  const portText = env.LOJAL_CLOUD_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535) {
    throw new UsageError(
      `LOJAL_CLOUD_PORT must be a port number (0 = any free port), not "${portText}"`,
    );
  }
  const host = env.LOJAL_CLOUD_HOST || DEFAULT_HOST;
  return {
    port,
    host,
    dataDir: resolve(env.LOJAL_CLOUD_DATA || DEFAULT_DATA_DIR),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: publicUrlFrom(env),
    memberPageSecret: env.LOJAL_MEMBER_PAGE_SECRET
      ? checkMemberPageSecret(env.LOJAL_MEMBER_PAGE_SECRET)
      : undefined,
  };
}

/** Where the data lives, without the connection string's password. */
function describeDatabase(settings: Settings): string {
  if (!settings.databaseUrl) return `embedded database in ${settings.dataDir}`;
  try {
    const url = new URL(settings.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/** The address links printed by the command line open (a server on the default settings). */
function linkBase(settings: Settings): string {
  if (settings.publicUrl) return settings.publicUrl;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return `http://${host}:${settings.port === 0 ? DEFAULT_PORT : settings.port}`;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '')
    throw new UsageError(`${flag} is required\n${USAGE}`);
  return value;
}

async function withDatabase<T>(settings: Settings, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(settings);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function serve(settings: Settings): Promise<void> {
  const server = await startCloudServer({ ...settings, messaging: messagingFromEnv(process.env) });
  console.log(`lojal-cloud: listening on ${server.url} (${describeDatabase(settings)})`);
  console.log(`lojal-cloud: back office at ${server.publicUrl}/bo/`);
  if (
    !server.publicUrl.startsWith('https:') &&
    !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(server.publicUrl)
  )
    console.error(
      'lojal-cloud: the back office is served over plain http beyond this machine: put it behind https and set LOJAL_CLOUD_PUBLIC_URL',
    );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`lojal-cloud: ${signal}, stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('lojal-cloud: stopping failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The programme file, read and validated; a problem names the file and the field. */
function readProgramme(file: string): Programme {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${file} is not a JSON file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    return parseProgramme(json);
  } catch (error) {
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    if (!issues) throw error;
    const lines = issues
      .slice(0, 10)
      .map((i) => `  ${['programme', ...i.path.map(String)].join('.')}: ${i.message}`);
    throw new UsageError(`${file} is not a valid programme:\n${lines.join('\n')}`);
  }
}

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      chain: { type: 'string' },
      store: { type: 'string' },
      label: { type: 'string' },
      file: { type: 'string' },
      terminal: { type: 'string' },
      limit: { type: 'string' },
      days: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 1) throw new UsageError(`one command at a time\n${USAGE}`);
  for (const [flag, value] of Object.entries(values)) {
    if (typeof value === 'string' && !isWellFormedText(value))
      throw new UsageError(`--${flag} holds a NUL or a lone surrogate; type it again`);
  }
  const command = positionals[0] ?? 'serve';
  const settings = settingsFromEnv(env);
  const now = Date.now();
  switch (command) {
    case 'serve':
      return serve(settings);
    case 'demo': // the demo chain with public logins, beside `npm start`'s demo till (cloud/demo.ts)
      return void (await serveDemoCloud(settings));
    case 'add-store': {
      const chain = required(values.chain, '--chain');
      const store = required(values.store, '--store');
      const added = await withDatabase(settings, (db) => addStore(db, { chain, store }, now));
      if (added.chainCreated) console.error(`lojal-cloud: new chain "${added.chainName}"`);
      if (!added.created)
        console.error(`lojal-cloud: "${added.storeName}" already exists; its code is:`);
      // The code alone on stdout, so scripts can capture it.
      console.log(added.storeCode);
      return;
    }
    case 'list-stores': {
      const stores = await withDatabase(settings, (db) => listStores(db));
      if (stores.length === 0) console.error('lojal-cloud: no stores yet; add one with add-store');
      for (const s of stores) {
        console.log(`${s.storeCode}  ${s.chainName} / ${s.storeName}  (${s.terminals} terminals)`);
      }
      return;
    }
    case 'add-admin-token': {
      const chain = required(values.chain, '--chain');
      const label = values.label ?? 'admin';
      const { token } = await withDatabase(settings, (db) =>
        addAdminToken(db, { chain, label }, now),
      );
      console.error('lojal-cloud: keep this token secret; it is shown only now');
      console.log(token);
      return;
    }
    case 'set-programme': {
      const chain = required(values.chain, '--chain');
      const file = required(values.file, '--file');
      const programme = readProgramme(file);
      const event = await withDatabase(settings, async (db) =>
        saveProgramme(db, await chainIdByName(db, chain), { programme, staffId: null }, now),
      );
      console.log(
        `lojal-cloud: programme "${programme.name}" saved for ${chain} (event ${event.id})`,
      );
      return;
    }
    case 'set-retention': {
      const chain = required(values.chain, '--chain');
      const daysText = required(values.days, '--days');
      const days = Number(daysText);
      if (!/^\d{1,4}$/.test(daysText) || days < 1 || days > 3660)
        throw new UsageError(`--days is 1 to 3660, not "${daysText}"`);
      await withDatabase(settings, async (db) =>
        setSalesRetentionDays(db, await chainIdByName(db, chain), days),
      );
      console.log(
        `lojal-cloud: tills of ${chain} keep other stores' sales for ${days} days once folded`,
      );
      return;
    }
    case 'list-terminals': {
      const terminals = await withDatabase(settings, async (db) =>
        listTerminals(
          db,
          values.chain === undefined ? null : await chainIdByName(db, values.chain),
        ),
      );
      if (terminals.length === 0) console.error('lojal-cloud: no paired terminals');
      for (const t of terminals) {
        const seen =
          t.lastSeenAt === null ? 'never seen' : `seen ${new Date(t.lastSeenAt).toISOString()}`;
        console.log(
          `${t.terminalId}  ${t.chainName} / ${t.storeName} / ${t.name}  (${seen}${t.active ? '' : ', revoked'})`,
        );
      }
      return;
    }
    case 'revoke-terminal': {
      const terminal = required(values.terminal, '--terminal');
      const revoked = await withDatabase(settings, (db) => revokeTerminal(db, terminal, now));
      console.log(
        revoked === 0
          ? `lojal-cloud: terminal ${terminal} held no active token`
          : `lojal-cloud: terminal ${terminal} revoked; it is refused from now on and works offline until paired again`,
      );
      return;
    }
    case 'list-refused': {
      const chain = required(values.chain, '--chain');
      const limitText = values.limit ?? '50';
      const limit = Number(limitText);
      if (!/^\d{1,4}$/.test(limitText) || limit < 1 || limit > 1000)
        throw new UsageError(`--limit is 1 to 1000, not "${limitText}"`);
      const { refused } = await withDatabase(settings, async (db) =>
        listRefused(db, await chainIdByName(db, chain), { limit }),
      );
      if (refused.length === 0) console.error(`lojal-cloud: nothing refused in ${chain}`);
      for (const r of refused) {
        const from = r.terminalName ? `${r.terminalName} (${r.terminalId})` : r.terminalId;
        const times =
          r.times > 1 ? `, ${r.times} times until ${new Date(r.lastAt).toISOString()}` : '';
        console.log(
          `${new Date(r.firstAt).toISOString()}  ${r.source === 'push' ? 'refused' : 'quarantined'}  ` +
            `${r.code}  ${r.type ?? '?'} ${r.eventId ?? '(no id)'}  from ${from}${times}\n    ${r.message}`,
        );
      }
      return;
    }
    case 'purge-erased': {
      const report = await withDatabase(settings, (db) => purgeErased(db));
      console.log(
        `lojal-cloud: ${report.tables.length} tables rewritten in ${report.durationMs} ms; ` +
          `no old row version of the ${report.erasedMembers} erased member(s) is left in them` +
          (report.checkpointed
            ? ''
            : ' (no CHECKPOINT allowed for this role: the emptied old files go at the next one)'),
      );
      return;
    }
    case 'add-owner': {
      const chain = required(values.chain, '--chain');
      const email = required(values.email, '--email');
      const name = required(values.name, '--name');
      // Asked before the database is opened: nothing is made when no password comes.
      const password = values['password-stdin']
        ? await readPassword(`Password for ${email.trim()}: `)
        : env.LOJAL_OWNER_PASSWORD || null;
      if (password !== null) checkNewPassword(password);
      await withDatabase(settings, async (db) => {
        const added = await addOwner(db, { chain, email, name }, now);
        if (added.chainCreated)
          console.error(`lojal-cloud: new chain "${added.account.chainName}"`);
        if (password !== null) {
          await setPassword(db, added.account.accountId, password, now);
          // The password itself is never printed.
          console.log(
            `lojal-cloud: ${added.account.email} is the owner of ${added.account.chainName}; the password is set. ` +
              `Log in at ${linkBase(settings)}/bo/`,
          );
          return;
        }
        printLink(
          `${added.account.email} is the owner of ${added.account.chainName}. Open this link to set the password`,
          linkUrl(linkBase(settings), 'invite', added.link.token),
          added.link.expiresAt,
        );
      });
      return;
    }
    case 'reset-password': {
      const email = required(values.email, '--email');
      await withDatabase(settings, async (db) => {
        const { account, link } = await resetLinkFor(db, email, now);
        printLink(
          `a new password for ${account.email} (${account.chainName}) is set at this link; the old one works until then`,
          linkUrl(linkBase(settings), 'reset', link.token),
          link.expiresAt,
        );
      });
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

/**
 * A one-time link: the words on stderr, the link alone on stdout (a script
 * captures it). It is a secret: whoever opens it first sets the password.
 */
function printLink(words: string, link: string, expiresAt: number): void {
  console.error(
    `lojal-cloud: ${words} (valid until ${new Date(expiresAt).toISOString()}, once; give it only to them):`,
  );
  console.log(link);
}

/**
 * A password from standard input: typed at a prompt without echo on a
 * terminal, else the first line of what is piped in (CI has no terminal:
 * printf '%s' "$SECRET" | npm run cloud -- add-owner … --password-stdin).
 */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let piped = '';
    for await (const chunk of stdin) piped += String(chunk);
    const line = piped.split(/\r?\n/)[0] ?? '';
    if (line === '') throw new UsageError('--password-stdin: nothing came on standard input');
    return line;
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(typed);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            reject(new UsageError('cancelled'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}

run(process.argv.slice(2), process.env).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`lojal-cloud: ${message}`);
  const code = (error as { code?: unknown } | null)?.code;
  const badUsage =
    error instanceof UsageError ||
    error instanceof RangeError ||
    (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
  process.exit(badUsage ? 2 : 1);
});
