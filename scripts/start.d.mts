/** What scripts/start.mjs lends to its tests (test/demo/). */
export function ensureUiBuilt(): void;
export function ensureBackofficeBuilt(): void;
export function tillDataDir(
  kind: 'browser' | 'electron',
  env?: Record<string, string | undefined>,
  platform?: NodeJS.Platform,
  home?: string,
): string;
export function demoCloudPlan(
  dataDir: string,
  env?: Record<string, string | undefined>,
): { start: true; cloudDir: string } | { start: false; why: string | null };
