/**
 * docs/api.md cannot drift from the API: every curl example in it is run, in
 * order, against a live host on the real service, and each answer must match
 * the documented one (status, every documented field with its JSON type, and
 * every documented true/false). Every route must have an example.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenPath } from './api-token';
import { API_ROUTES } from './api-routes';
import { startLiveHost } from './test-host';
import type { LiveHost } from './test-host';

const run = promisify(execFile);
const DOC = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

interface Example {
  title: string;
  shell: string;
  status: number;
  response: unknown;
}

/** Each ```sh block, followed by "Response `NNN`" and a ```json block. */
export function parseExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  let title = '';
  let pending: { shell: string; title: string } | null = null;
  let cursor = 0;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const between = markdown.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    const headings = [...between.matchAll(/^#+ (.+)$/gm)];
    if (headings.length > 0) title = headings[headings.length - 1]![1]!;
    const [, language, body] = match;
    if (language === 'sh') {
      if (pending) throw new Error(`example "${pending.title}" has no documented response`);
      pending = { shell: body!.trim(), title };
    } else if (language === 'json' && pending) {
      const status = /Response `(\d{3})`/.exec(between);
      if (!status) throw new Error(`example "${pending.title}" does not say its status`);
      examples.push({ ...pending, status: Number(status[1]), response: JSON.parse(body!) });
      pending = null;
    }
  }
  if (pending) throw new Error(`example "${pending.title}" has no documented response`);
  return examples;
}

/** Where `actual` differs from the documented shape (empty when it conforms). */
export function shapeDifferences(actual: unknown, documented: unknown, path = '$'): string[] {
  if (documented === null) return [];
  if (Array.isArray(documented)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array`];
    if (documented.length === 0) return [];
    if (actual.length === 0) return [`${path}: expected at least one item`];
    return shapeDifferences(actual[0], documented[0], `${path}[0]`);
  }
  if (typeof documented === 'object') {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [`${path}: expected an object`];
    }
    return Object.entries(documented as Record<string, unknown>).flatMap(([key, value]) =>
      key in actual
        ? shapeDifferences((actual as Record<string, unknown>)[key], value, `${path}.${key}`)
        : [`${path}.${key}: missing`],
    );
  }
  if (typeof documented === 'boolean') {
    return actual === documented ? [] : [`${path}: expected ${documented}, got ${String(actual)}`];
  }
  return typeof actual === typeof documented
    ? []
    : [`${path}: expected a ${typeof documented}, got ${JSON.stringify(actual)}`];
}

/** "POST /api/v1/sales/…/void" of the last curl in an example, for route coverage. */
function routeOf(shell: string): string {
  const curls = shell.split('|').filter((part) => part.includes('curl'));
  const last = curls[curls.length - 1]!;
  const method = /-X (\w+)/.exec(last)?.[1] ?? 'GET';
  const path = /\$LOJAL_URL(\/[^"?\s]*)/.exec(last)?.[1] ?? '';
  return `${method} ${path}`;
}

function routePattern(method: string, path: string): RegExp {
  const segments = `/api/v1${path}`.replace(/:id/g, '\\$[A-Z_]+');
  return new RegExp(`^${method} ${segments}$`);
}

describe('docs/api.md', () => {
  const examples = parseExamples(readFileSync(DOC, 'utf8'));
  let live: LiveHost;
  let workDir: string;
  const env: Record<string, string> = {};

  beforeAll(async () => {
    live = await startLiveHost();
    workDir = mkdtempSync(join(tmpdir(), 'lojal-doc-'));
    env.LOJAL_URL = live.host.url;
    env.LOJAL_TOKEN = readFileSync(apiTokenPath(live.dataDir), 'utf8').trim();
  });
  afterAll(async () => {
    await live.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('has an example for every route', () => {
    const shown = examples.map((e) => routeOf(e.shell));
    expect(shown).toContain('GET /api/v1/health');
    for (const route of API_ROUTES) {
      const pattern = routePattern(route.method, route.path);
      expect(
        shown.some((s) => pattern.test(s)),
        `${route.method} /api/v1${route.path}`,
      ).toBe(true);
    }
  });

  it('runs every example with the documented answer', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(API_ROUTES.length);
    for (const example of examples) {
      // The status goes on a last line of its own; the shell is the reader's.
      // Asynchronously: the host answering these runs in this very process.
      const { stdout: output } = await run(
        'bash',
        ['--norc', '--noprofile', '-c', `${example.shell} -w '\\n%{http_code}'`],
        {
          cwd: workDir,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
          timeout: 20_000,
        },
      );
      const lines = output.trimEnd().split('\n');
      const status = Number(lines.pop());
      const body: unknown = JSON.parse(lines.join('\n'));
      const where = `${example.title}: ${routeOf(example.shell)}`;
      expect(status, `${where} → ${JSON.stringify(body)}`).toBe(example.status);
      expect(shapeDifferences(body, example.response), where).toEqual([]);

      // Later examples refer to what earlier ones made.
      const made = body as { member?: { memberId?: string }; saleId?: string };
      if (!env.MEMBER_ID && made.member?.memberId) env.MEMBER_ID = made.member.memberId;
      if (!env.SALE_ID && made.saleId) env.SALE_ID = made.saleId;
    }
  });
});

describe('the example checker', () => {
  it('notices a missing field, a wrong type and a different flag', () => {
    expect(shapeDifferences({ a: 1 }, { a: 1, b: 'x' })).toEqual(['$.b: missing']);
    expect(shapeDifferences({ a: '1' }, { a: 1 })).toHaveLength(1);
    expect(shapeDifferences({ ok: false }, { ok: true })).toHaveLength(1);
    expect(shapeDifferences([], [{ a: 1 }])).toHaveLength(1);
    expect(shapeDifferences({ a: [{ b: 2, c: 3 }] }, { a: [{ b: 1 }] })).toEqual([]);
  });

  it('refuses an example without a documented status', () => {
    expect(() => parseExamples('```sh\ncurl x\n```\n\n```json\n{}\n```\n')).toThrow(/status/);
    expect(() => parseExamples('```sh\ncurl x\n```\n')).toThrow(/no documented response/);
  });
});
