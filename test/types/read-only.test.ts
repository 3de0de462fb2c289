/**
 * A reading command cannot write, by type: the probe handlers under probes/ are
 * compiled with the project's options, and every line marked `expect-error`
 * must draw an error while nothing else may (so the test fails both when a
 * write slips through and when reading is refused where it is allowed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROBES = ['read-handler-writes.ts', 'write-handler-reads.ts'].map((f) =>
  path.join(ROOT, 'test/types/probes', f),
);

function compile(): ts.Diagnostic[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram(PROBES, { ...config.options, noEmit: true });
  return PROBES.flatMap((file) => [...program.getSemanticDiagnostics(program.getSourceFile(file))]);
}

/** 1-based lines that follow an `// expect-error` comment. */
function expectedLines(file: string): number[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((line, i) => (/\/\/ expect-error/.test(line) ? [i + 2] : []));
}

describe('read-only commands, by type', () => {
  const diagnostics = compile();
  const linesWithErrors = (file: string) =>
    [
      ...new Set(
        diagnostics
          .filter((d) => d.file?.fileName === file)
          .map((d) => d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1),
      ),
    ].sort((a, b) => a - b);

  it('refuses every write from a reading handler: the handle, store writers, transactions, events', () => {
    const [reading] = PROBES;
    const expected = expectedLines(reading!);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(linesWithErrors(reading!)).toEqual(expected);
  });

  it('lets a writing handler read and write', () => {
    const [, writing] = PROBES;
    const said = diagnostics
      .filter((d) => d.file?.fileName === writing)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(said).toEqual([]);
  });
}, 60_000);
