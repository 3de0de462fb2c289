/**
 * The layer lint holds: each probe under probes/ is linted as if it sat at the
 * path its first line names (ESLint's lintText with that filePath; nothing is
 * written into src/), and must draw exactly the rules its second line expects,
 * or nothing at all for an allowed import. So the test fails when a rule lets
 * a forbidden import through and when it refuses an allowed one.
 *
 * Header of a probe:
 *   // probe: src/core/lint-probe.ts
 *   // expect: lojal/layers:node          (rule or rule:messageId, comma-separated; or "nothing")
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROBES = path.join(ROOT, 'test/lint/probes');

interface Probe {
  file: string;
  target: string;
  expected: string[];
  source: string;
}

function readProbes(): Probe[] {
  const files = readdirSync(PROBES, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return files.map((file) => {
    const source = readFileSync(path.join(PROBES, file), 'utf8');
    const target = /^\/\/ probe: (\S+)$/m.exec(source)?.[1];
    const expect = /^\/\/ expect: (.+)$/m.exec(source)?.[1];
    if (!target || !expect) throw new Error(`${file}: no "// probe:" or "// expect:" line`);
    const expected = expect === 'nothing' ? [] : expect.split(',').map((s) => s.trim());
    return { file, target, expected: expected.sort(), source };
  });
}

const probes = readProbes();
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

describe('layer lint probes', () => {
  it.each(probes.map((p) => [p.file, p] as const))('%s', async (_name, probe) => {
    const [result] = await eslint.lintText(probe.source, {
      filePath: path.join(ROOT, probe.target),
    });
    const messages = result!.messages;
    // A parse error or an ignored path would say nothing about the rules.
    expect(messages.filter((m) => m.fatal || !m.ruleId)).toEqual([]);
    const drawn = [
      ...new Set(
        messages.map((m) => {
          const id = m.ruleId!;
          // lojal/layers names its reason; for the core rules the rule is the reason.
          return id === 'lojal/layers' ? `${id}:${m.messageId}` : id;
        }),
      ),
    ].sort();
    expect(drawn, messages.map((m) => m.message).join('\n')).toEqual(probe.expected);
    expect(messages.every((m) => m.severity === 2)).toBe(true);
  });

  it('covers every forbidden import issue 11 lists, and an allowed import in each of those layers', () => {
    const byTarget = (prefix: string, rule: string) =>
      probes.some((p) => p.target.startsWith(prefix) && p.expected.some((e) => e.startsWith(rule)));
    const allowed = (prefix: string) =>
      probes.some((p) => p.target.startsWith(prefix) && p.expected.length === 0);
    for (const text of [
      "from 'events'",
      "from 'uuid'",
      'Date()',
      'performance.now()',
      'process.env',
      'Buffer.',
      'crypto.randomUUID()',
      "import('../../store/db')",
    ]) {
      expect(
        probes.some((p) => p.target.startsWith('src/core/') && p.source.includes(text)),
        text,
      ).toBe(true);
    }
    // The UI reaches the service through the contract only: not its code, not even its types.
    const uiRefuses = (source: RegExp) =>
      probes.some(
        (p) =>
          p.target.startsWith('src/ui/') &&
          source.test(p.source) &&
          p.expected.includes('lojal/layers:folder'),
      );
    expect(uiRefuses(/^import \{[^}]+\} from '\.\.\/service\/till-service'/m)).toBe(true);
    expect(uiRefuses(/^import type \{[^}]+\} from '\.\.\/service\//m)).toBe(true);
    expect(probes.some((p) => p.source.includes("{ SyncClient } from '../src/sync/client'"))).toBe(
      true,
    );
    expect(byTarget('src/host/', 'lojal/layers:folder')).toBe(true);
    expect(byTarget('electron/', 'lojal/layers:folder')).toBe(true);
    // The shared HTTP edge imports neither server (src/host, cloud/): both import it.
    for (const server of ["'../host/errors'", "'../../cloud/http/errors'"])
      expect(
        probes.some(
          (p) =>
            p.target.startsWith('src/http-edge/') &&
            p.source.includes(server) &&
            p.expected.includes('lojal/layers:folder'),
        ),
        server,
      ).toBe(true);
    expect(probes.some((p) => /^src\/[^/]+$/.test(p.target) && p.expected.length > 0)).toBe(true);
    for (const layer of [
      'src/core/',
      'src/ui/',
      'src/host/',
      'electron/',
      'cloud/',
      'src/http-edge/',
      'src/contract/',
      'src/backoffice/',
    ])
      expect(allowed(layer), layer).toBe(true);
  });

  it('keeps the back office a browser app beside the till: the cloud and the till’s screens refused, types too', () => {
    const backoffice = probes.filter((p) => p.target.startsWith('src/backoffice/'));
    const refused = (source: RegExp, reason: string) =>
      backoffice.some((p) => source.test(p.source) && p.expected.includes(reason));
    expect(refused(/^import \{[^}]+\} from '\.\.\/\.\.\/cloud\//m, 'lojal/layers:folder')).toBe(
      true,
    );
    expect(
      refused(/^import type \{[^}]+\} from '\.\.\/\.\.\/cloud\//m, 'lojal/layers:folder'),
    ).toBe(true);
    expect(refused(/from '\.\.\/ui\/screens\//, 'lojal/layers:folder')).toBe(true);
    expect(refused(/from 'node:/, 'lojal/layers:node')).toBe(true);
    // The cloud takes the back office's contract, not the till's command map.
    expect(
      probes.some(
        (p) =>
          p.target.startsWith('cloud/') &&
          p.source.includes("'../../src/contract/commands'") &&
          p.expected.includes('lojal/layers:folder'),
      ),
    ).toBe(true);
  });

  it('keeps src/contract a leaf: the store, the service, native/ and Node are refused, types too', () => {
    const contract = probes.filter((p) => p.target.startsWith('src/contract/'));
    const refused = (source: RegExp, reason: string) =>
      contract.some((p) => source.test(p.source) && p.expected.includes(reason));
    expect(refused(/^import \{[^}]+\} from '\.\.\/store'/m, 'lojal/layers:folder')).toBe(true);
    expect(refused(/^import type \{[^}]+\} from '\.\.\/store\//m, 'lojal/layers:folder')).toBe(
      true,
    );
    expect(refused(/from '\.\.\/service\//, 'lojal/layers:folder')).toBe(true);
    expect(refused(/from '\.\.\/\.\.\/native\//, 'lojal/layers:folder')).toBe(true);
    expect(refused(/from 'node:/, 'lojal/layers:node')).toBe(true);
  });

  it('keeps the probes out of the normal lint run', async () => {
    expect(await eslint.isPathIgnored(path.join(PROBES, probes[0]!.file))).toBe(true);
  });
});
