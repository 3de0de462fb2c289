/**
 * The segment builder's model: groups of conditions, each group "alle" or
 * "minst én av", every group to be met. As a rule (src/core/programme.ts
 * SegmentRule) that is `{all: [{all|any: [condition, …]}, …]}`: two levels,
 * as deep as a rule goes. A rule made elsewhere (a report's "lag kampanje":
 * `{memberIds}`) is read back into groups: the top's conditions one "alle"
 * group, each of its groups one group.
 */
import type { SegmentRule } from '../../../core/programme';

export const CRITERION_AREAS = {
  demography: ['age', 'gender'],
  geography: ['postalRange', 'postalPrefix'],
  behaviour: [
    'tier',
    'status',
    'visits',
    'spend',
    'recency',
    'categories',
    'homeStores',
    'memberIds',
  ],
  consent: ['consents'],
} as const;

export type CriterionArea = keyof typeof CRITERION_AREAS;
export type CriterionKind = (typeof CRITERION_AREAS)[CriterionArea][number];

/** The rule's fields each kind of condition sets. */
const FIELDS: Record<CriterionKind, readonly string[]> = {
  age: ['minAge', 'maxAge'],
  gender: ['genders'],
  postalRange: ['postalCodeRanges'],
  postalPrefix: ['postalCodePrefixes'],
  tier: ['tiers'],
  status: ['statuses'],
  visits: ['visits'],
  spend: ['spend'],
  recency: ['daysSinceLastPurchase'],
  categories: ['categories'],
  homeStores: ['homeStores'],
  memberIds: ['memberIds'],
  consents: ['consents'],
};

/** One condition: its kind and the rule's fields it sets (as typed: bounds may be missing). */
export interface Criterion {
  key: number;
  kind: CriterionKind;
  node: Record<string, unknown>;
}

export interface Group {
  key: number;
  mode: 'all' | 'any';
  criteria: Criterion[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

/** A new condition of a kind, as the builder starts it. */
export function newCriterion(kind: CriterionKind): Criterion {
  const start: Record<CriterionKind, Record<string, unknown>> = {
    age: { minAge: 18 },
    gender: { genders: [] },
    postalRange: { postalCodeRanges: [{ from: '0001', to: '1299' }] },
    postalPrefix: { postalCodePrefixes: [] },
    tier: { tiers: [] },
    status: { statuses: [] },
    visits: { visits: { days: 90, min: 1 } },
    spend: { spend: { days: 365, min: 100_000 } },
    recency: { daysSinceLastPurchase: { min: 90 } },
    categories: { categories: [] },
    homeStores: { homeStores: [] },
    memberIds: { memberIds: [] },
    consents: { consents: ['email'] },
  };
  return { key: newKey(), kind, node: start[kind] };
}

/** Whether a field's value places a limit (an empty list does not). */
function holds(value: unknown): boolean {
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** A node's conditions, one per kind it sets. */
function criteriaOf(node: Record<string, unknown>): Criterion[] {
  return (Object.keys(FIELDS) as CriterionKind[]).flatMap((kind) => {
    const set = FIELDS[kind].filter((f) => holds(node[f]));
    if (set.length === 0) return [];
    return [{ key: newKey(), kind, node: Object.fromEntries(set.map((f) => [f, node[f]])) }];
  });
}

/** The builder's groups of a rule. */
export function groupsOf(rule: SegmentRule): Group[] {
  const groups: Group[] = [];
  const own = criteriaOf(rule as unknown as Record<string, unknown>);
  if (own.length > 0) groups.push({ key: newKey(), mode: 'all', criteria: own });
  if (rule.any && rule.any.length > 0)
    groups.push({
      key: newKey(),
      mode: 'any',
      criteria: rule.any.flatMap((g) => criteriaOf(g as unknown as Record<string, unknown>)),
    });
  for (const group of rule.all ?? []) {
    const anyOf = group.any ?? [];
    const criteria = [
      ...criteriaOf(group as unknown as Record<string, unknown>),
      ...(group.all ?? []).flatMap((g) => criteriaOf(g as unknown as Record<string, unknown>)),
    ];
    if (anyOf.length > 0 && criteria.length === 0)
      groups.push({
        key: newKey(),
        mode: 'any',
        criteria: anyOf.flatMap((g) => criteriaOf(g as unknown as Record<string, unknown>)),
      });
    else if (criteria.length > 0) groups.push({ key: newKey(), mode: 'all', criteria });
  }
  return groups;
}

/** Without the bounds left empty (a field cleared is no limit). */
function cleaned(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      out[field] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined),
      );
    } else out[field] = value;
  }
  return out;
}

/** The rule of the builder's groups (`{}`, everyone, without any condition). */
export function ruleOf(groups: readonly Group[]): Record<string, unknown> {
  const nodes = groups
    .filter((g) => g.criteria.length > 0)
    .map((g) => ({ [g.mode]: g.criteria.map((c) => cleaned(c.node)) }));
  return nodes.length === 0 ? {} : { all: nodes };
}

export function kindArea(kind: CriterionKind): CriterionArea {
  return (Object.keys(CRITERION_AREAS) as CriterionArea[]).find((area) =>
    (CRITERION_AREAS[area] as readonly string[]).includes(kind),
  )!;
}
