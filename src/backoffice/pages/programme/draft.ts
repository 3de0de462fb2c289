/**
 * The editor's draft: the programme as plain data, edited by path
 * ("points.earn.pointsPerStep", "punchCards.0.stamps"), judged on every
 * change by the core's own schema (the one the cloud and the tills judge it
 * by), each problem filed under its field's path in the catalogue's words.
 */
import { msg } from '../../../core/i18n';
import type { Msg } from '../../../core/i18n';
import { Programme } from '../../../core/programme';
import type { Programme as ProgrammeValue } from '../../../core/programme';
import { saidText } from '../../../core/schema-messages';

export type Draft = Record<string, unknown>;
export type Path = string;

const keyOf = (part: string): string | number => (/^\d+$/.test(part) ? Number(part) : part);

export function getAt(value: unknown, path: Path): unknown {
  let here = value;
  for (const part of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[keyOf(part)];
  }
  return here;
}

/** A copy with the value at `path` replaced (`undefined` takes the key out). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  const [head, ...rest] = path.split('.');
  const key = keyOf(head!);
  const container: Record<string | number, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as Record<string, unknown>) };
  const inner = rest.length === 0 ? next : setAt((container as never)[key], rest.join('.'), next);
  if (inner === undefined && !Array.isArray(container)) delete container[key];
  else (container as Record<string | number, unknown>)[key] = inner;
  return container as T;
}

/** What zod says of a problem (the fields read here). */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  params?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
}

/** The catalogue's words for a problem zod found itself (a number too small, a word missing). */
function fallback(issue: Issue): Msg {
  const p = 'backoffice.ui.programme.error';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? msg(`${p}.number`) : msg(`${p}.required`);
    case 'too_small':
      if (issue.origin === 'array') return msg(`${p}.tooFew`, { min: Number(issue.minimum) });
      if (issue.origin === 'string') return msg(`${p}.required`);
      return issue.inclusive === false
        ? msg(`${p}.above`, { min: Number(issue.minimum) })
        : msg(`${p}.tooSmall`, { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? msg(`${p}.tooMany`)
        : msg(`${p}.tooBig`, { max: Number(issue.maximum) });
    case 'not_multiple_of':
      return msg(`${p}.whole`);
    case 'invalid_union':
    case 'invalid_value':
      return msg(`${p}.choice`);
    default:
      return msg(`${p}.format`);
  }
}

export interface Judged {
  /** The programme as the tills would read it; null while a problem is left. */
  programme: ProgrammeValue | null;
  /** Each field's first problem, by path. */
  problems: Map<Path, Msg>;
}

export function judge(draft: Draft): Judged {
  const parsed = Programme.safeParse(draft);
  if (parsed.success) return { programme: parsed.data, problems: new Map() };
  const problems = new Map<Path, Msg>();
  for (const issue of parsed.error.issues as Issue[]) {
    const path = issue.path.map(String).join('.');
    if (!problems.has(path)) problems.set(path, saidText(issue) ?? fallback(issue));
  }
  return { programme: null, problems };
}

/** Kroner typed ("10", "10,50", "10.5") as øre; null when it is not an amount. */
export function oreOf(typed: string): number | null {
  const text = typed.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d{0,2})?$/.test(text)) return null;
  return Math.round(Number(text.replace(',', '.')) * 100);
}

/** Øre as kroner to type ("10", "10,50"). */
export function kronerOf(ore: unknown): string {
  if (typeof ore !== 'number' || !Number.isFinite(ore)) return '';
  const kr = Math.floor(Math.abs(ore) / 100);
  const rest = Math.abs(ore) % 100;
  return `${ore < 0 ? '-' : ''}${kr}${rest ? `,${String(rest).padStart(2, '0')}` : ''}`;
}

/** A list typed with commas. */
export function listOf(typed: string): string[] {
  return typed
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A short name not yet used in a list (kort-1, kort-2 …). */
export function freshId(stem: string, taken: readonly unknown[]): string {
  const used = new Set(taken.map((x) => (x as { id?: string }).id));
  for (let n = 1; ; n += 1) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

export const newCoupon = () => ({
  name: { nb: 'Kupong', en: 'Coupon' },
  benefit: { kind: 'amount', amountOre: 5000 },
  minBasketOre: 0,
  scope: { skus: [], categories: [] },
  validDays: 30,
});

export const DEFAULTS = {
  points: () => ({
    enabled: true,
    earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
    excludedCategories: [],
    lifetimeMonths: 24,
    pendingDays: 0,
    redeemValueOre: 0,
    actions: [],
  }),
  action: (actions: readonly unknown[]) => ({
    id: freshId('handling', actions),
    name: { nb: 'Anmeldelse', en: 'Review' },
    points: 50,
  }),
  tiers: () => ({
    enabled: true,
    qualification: { kind: 'calendar_year' },
    levels: [
      { id: 'basis', name: { nb: 'Basis', en: 'Basic' }, threshold: 0, benefit: { kind: 'none' } },
    ],
  }),
  tierLevel: (levels: readonly unknown[]) => {
    const last = levels[levels.length - 1] as { threshold?: number } | undefined;
    return {
      id: freshId('niva', levels),
      name: { nb: 'Nytt nivå', en: 'New level' },
      threshold: (last?.threshold ?? 0) + 1000,
      benefit: { kind: 'percent_every_purchase', percent: 5 },
    };
  },
  punchCard: (cards: readonly unknown[]) => ({
    id: freshId('kort', cards),
    name: { nb: 'Klippekort', en: 'Punch card' },
    qualifying: { skus: [], categories: [] },
    stamps: 10,
    reward: { kind: 'free_item' },
  }),
  spendCoupon: (rules: readonly unknown[]) => ({
    id: freshId('regel', rules),
    everyOre: 200_000,
    coupon: newCoupon(),
  }),
  pointsOffer: (offers: readonly unknown[]) => ({
    id: freshId('tilbud', offers),
    costPoints: 500,
    coupon: newCoupon(),
  }),
  campaign: (campaigns: readonly unknown[], today: string) => ({
    id: freshId('kampanje', campaigns),
    coupon: newCoupon(),
    validFrom: today,
    validTo: today,
    usesPerMember: 1,
  }),
  bonusCampaign: (campaigns: readonly unknown[], today: string) => ({
    id: freshId('bonus', campaigns),
    name: { nb: 'Dobbel poeng', en: 'Double points' },
    multiplier: 2,
    validFrom: today,
    validTo: today,
    categories: [],
    tiers: [],
  }),
  segment: () => ({ tiers: [], genders: [], postalCodePrefixes: [], memberIds: [] }),
  welcome: () => ({ enabled: true, coupon: newCoupon() }),
  birthday: () => ({ enabled: true, issueDaysBefore: 7, validDaysAfter: 7, coupon: newCoupon() }),
  referral: () => ({ enabled: true, reward: { kind: 'points', points: 100 }, monthlyCap: 5 }),
  cashback: () => ({ enabled: true, percent: 2, excludedCategories: [] }),
};
