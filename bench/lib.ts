/**
 * Benchmark plumbing: timing, percentiles, and the results files. Every figure
 * is reported with its floor (the bare operation beneath it, measured in the
 * same run) so a slower machine moves both and the ratio stays meaningful.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The bare operation underneath, same run, same unit. null where no floor applies. */
  floor: number | null;
  /** value / floor (null without a floor). */
  ratio: number | null;
  /** The goal, in words, and whether this run met it. */
  goal: string;
  met: boolean;
  note?: string;
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  const ratio = f.floor && f.floor > 0 ? round(f.value / f.floor, 2) : null;
  return {
    ...f,
    value: round(f.value, 2),
    floor: f.floor === null ? null : round(f.floor, 2),
    ratio,
  };
}

export function round(x: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** Run `fn` `n` times (after `warmup` runs) and return each duration in microseconds. */
export function sampleSync(n: number, warmup: number, fn: (i: number) => void): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn(i);
    out[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  return out;
}

export async function sampleAsync(
  n: number,
  warmup: number,
  fn: (i: number) => Promise<void>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    out[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  return out;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

/**
 * Merge figures into bench/results.json (other figures kept, so one benchmark
 * can be re-run alone) and rewrite bench/RESULTS.md from the whole set.
 */
export function writeResults(dir: string, figures: Figure[], when: Date): void {
  const jsonPath = `${dir}/results.json`;
  const previous: Record<string, Figure & { measuredAt?: string; machine?: string }> = existsSync(
    jsonPath,
  )
    ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, Figure>)
    : {};
  for (const f of figures) {
    previous[f.name] = { ...f, measuredAt: when.toISOString(), machine: machine() };
  }
  const sorted = Object.fromEntries(
    Object.entries(previous).sort(([a], [b]) => a.localeCompare(b)),
  );
  writeFileSync(jsonPath, JSON.stringify(sorted, null, 2) + '\n');

  const rows = Object.values(sorted).map(
    (f) =>
      `| \`${f.name}\` | ${f.value} ${f.unit} | ${f.floor ?? '—'} | ${f.ratio ?? '—'} | ${f.goal} | ${f.met ? 'yes' : '**no**'} | ${f.measuredAt?.slice(0, 10) ?? ''} |`,
  );
  const notes = Object.values(sorted)
    .filter((f) => f.note)
    .map((f) => `- \`${f.name}\`: ${f.note}`);
  const md = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (one benchmark alone: `npm run bench -- <name>`).',
    `Last run: ${when.toISOString()} on ${machine()}.`,
    '',
    'Each figure is shown with its floor — the bare operation beneath it, measured in the same run — and the ratio between them.',
    '',
    '| figure | value | floor | ratio | goal | met | measured |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...(notes.length ? ['## Notes', '', ...notes, ''] : []),
  ].join('\n');
  writeFileSync(`${dir}/RESULTS.md`, md);
}

/**
 * Runs `fn` under the V8 profiler when LOJAL_BENCH_PROFILE names a file (a
 * .cpuprofile of just the timed part, for Chrome DevTools); else just runs it.
 */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const target = process.env.LOJAL_BENCH_PROFILE;
  if (!target) return fn();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(
      target.replace(/(\.cpuprofile)?$/, `.${label}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
}
