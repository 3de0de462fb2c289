/**
 * A segment rule as one SQL query over the projections (migration 013):
 * member_facts for who a member is and what they did in all, sale_facts for
 * the windows. Nothing that moves with time is stored, so everything that
 * does is worked out here at `now`, as src/core/member/segment.ts does it:
 *
 * - windows: the last N local days (today included) start at an instant the
 *   engine's own date arithmetic gives (`windowStart`), passed as a parameter;
 *   a window counts the member's purchases (sales neither voided nor returned
 *   whole) made from it on, each with its net after every return;
 * - status: elapsed time since enrolment and the last purchase against the
 *   programme's memberStatusDays; recency: local days, as instants;
 * - age: the birth date against a cut-off date per bound (29 February counts
 *   as 28 February in common years, as `ageAt` does);
 * - tier: the points earned (earn_log, [at, points] pairs) in the current and previous
 *   qualification period at `now`, against the levels' thresholds (`tierAt`).
 *
 * The property test (sql.property.test.ts) holds this to `segmentMatches` over
 * the members' folded ledgers on both databases.
 */
import { DAY_MS } from '../../src/core/member/local-days';
import { MEMBER_STATUS_DAYS } from '../../src/core/member/segment';
import type { MemberStatusDays, SegmentRule, TierRules } from '../../src/core/programme';
import { SEGMENT_FIELDS } from '../../src/core/programme';
import { addDays, isoDate, localDateOf, startOfLocalDay } from '../../src/core/time';
import type { LocalDate } from '../../src/core/time';
import { tierPeriods } from '../../src/core/member/tier';

/** What the query reads of the programme (a Programme fits). */
export interface SegmentSqlSettings {
  timeZone: string;
  memberStatusDays?: MemberStatusDays | undefined;
  tiers?: TierRules | null | undefined;
}

export interface SegmentSql {
  /** `SELECT f.member_id FROM member_facts f … WHERE …`: the matching members' ids. */
  ids: string;
  /** The same as one count. */
  count: string;
  /** The matching members in member number order, a page: `LIMIT $n OFFSET $n+1` at the end. */
  page: string;
  params: unknown[];
}

/** Every character JavaScript's \s matches (ECMAScript WhiteSpace and LineTerminator). */
const JS_WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

class Builder {
  readonly params: unknown[] = [];
  /** Window columns of the `w` subquery, one per distinct (kind, start). */
  readonly windows = new Map<string, string>();
  tierNeeded = false;
  private readonly today: LocalDate;

  constructor(
    readonly chainId: string,
    readonly now: number,
    readonly settings: SegmentSqlSettings,
  ) {
    this.param(chainId); // $1
    this.today = localDateOf(now, settings.timeZone);
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  private dayStart(daysBack: number): number {
    return startOfLocalDay(addDays(this.today, -daysBack), this.settings.timeZone);
  }

  private window(kind: 'visits' | 'spend', days: number): string {
    const from = this.dayStart(days - 1);
    const key = `${kind}:${from}`;
    let column = this.windows.get(key);
    if (!column) {
      column = `w.${kind}_${this.windows.size}`;
      this.windows.set(key, column);
    }
    return column;
  }

  /**
   * The latest birth date of someone at least `years` old today, as an ISO date
   * (a date parameter, so the planner can estimate it); null when no date of the
   * calendar is that early (nobody born in year 1 or later is that old).
   */
  private ageCutoff(years: number): string | null {
    const { year, month, day } = this.today;
    const cutoffYear = year - years;
    if (cutoffYear < 1) return null;
    // On 28 February of a common year a 29 February birthday has come (ageAt's rule); in a
    // common cut-off year no one was born on 29 February, so the 28th is the same bound.
    const leapDay = (month === 2 && day === 28 && !isLeap(year)) || (month === 2 && day === 29);
    const md = leapDay
      ? isLeap(cutoffYear)
        ? '02-29'
        : '02-28'
      : `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return `${String(cutoffYear).padStart(4, '0')}-${md}`;
  }

  node(rule: SegmentRule): string {
    if (!Object.keys(rule).every((field) => SEGMENT_FIELDS.has(field))) return 'FALSE';
    const parts = this.criteria(rule);
    if (rule.any && rule.any.length > 0)
      parts.push(`(${rule.any.map((g) => this.node(g)).join(' OR ')})`);
    for (const group of rule.all ?? []) parts.push(this.node(group));
    return parts.length === 0 ? 'TRUE' : `(${parts.join(' AND ')})`;
  }

  private criteria(rule: SegmentRule): string[] {
    const parts: string[] = [];
    // JavaScript's \s (what the engine strips) character by character: translate() is exact
    // to it and far cheaper per row than a regular expression.
    const pc = () => `translate(f.postal_code, ${this.whitespace()}::text, '')`;
    if (rule.memberIds.length > 0)
      parts.push(`f.member_id = ANY(${this.param(rule.memberIds)}::text[])`);
    if (rule.tiers.length > 0) {
      this.tierNeeded = true;
      parts.push(`t.level_id = ANY(${this.param(rule.tiers)}::text[])`);
    }
    if (rule.genders.length > 0) parts.push(`f.gender = ANY(${this.param(rule.genders)}::text[])`);
    if (rule.postalCodePrefixes.length > 0) {
      const prefixes = rule.postalCodePrefixes.map((p) => p.trim());
      parts.push(
        `(f.postal_code IS NOT NULL AND ${pc()} <> '' AND EXISTS (SELECT 1 FROM unnest(${this.param(prefixes)}::text[]) p(prefix) WHERE left(${pc()}, length(p.prefix)) = p.prefix))`,
      );
    }
    const ranges = rule.postalCodeRanges ?? [];
    if (ranges.length > 0) {
      // The stripped code must be four digits. A stored code of four characters is
      // compared as it is (no whitespace to strip when it is four digits; with any,
      // fewer than four are left): a plain column comparison the planner estimates
      // from its statistics. Only a longer one is stripped first.
      const within = (code: string) =>
        ranges
          .map(
            (r) =>
              `(${code} COLLATE "C" >= ${this.param(r.from)} AND ${code} COLLATE "C" <= ${this.param(r.to)})`,
          )
          .join(' OR ');
      parts.push(
        `((length(f.postal_code) = 4 AND (${within('f.postal_code')}) AND f.postal_code ~ '^[0-9]{4}$')` +
          ` OR (length(f.postal_code) > 4 AND ${pc()} ~ '^[0-9]{4}$' AND (${within(pc())})))`,
      );
    }
    if (rule.minAge !== undefined || rule.maxAge !== undefined) {
      parts.push('f.birth_date IS NOT NULL');
      if (rule.minAge !== undefined) {
        const cutoff = this.ageCutoff(rule.minAge);
        parts.push(cutoff === null ? 'FALSE' : `f.birth_date <= ${this.param(cutoff)}::date`);
      }
      if (rule.maxAge !== undefined) {
        const cutoff = this.ageCutoff(rule.maxAge + 1);
        if (cutoff !== null) parts.push(`f.birth_date > ${this.param(cutoff)}::date`);
      }
    }
    const statuses = rule.statuses ?? [];
    if (statuses.length > 0) parts.push(`${this.status()} = ANY(${this.param(statuses)}::text[])`);
    for (const channel of rule.consents ?? [])
      parts.push(channel === 'sms' ? 'f.consent_sms' : 'f.consent_email');
    const homeStores = rule.homeStores ?? [];
    if (homeStores.length > 0)
      parts.push(`f.enrolled_store_id = ANY(${this.param(homeStores)}::text[])`);
    const categories = rule.categories ?? [];
    if (categories.length > 0) parts.push(`f.categories && ${this.param(categories)}::text[]`);
    // At least one visit, or spend above 0, needs a sale since the window's start: said on
    // member_facts alone, so the members without one are not looked up in sale_facts.
    if (rule.visits) {
      const column = this.window('visits', rule.visits.days);
      if ((rule.visits.min ?? 0) >= 1) parts.push(this.soldSince(rule.visits.days));
      parts.push(...this.bounds(`coalesce(${column}, 0)`, rule.visits));
    }
    if (rule.spend) {
      const column = this.window('spend', rule.spend.days);
      if ((rule.spend.min ?? 0) > 0) parts.push(this.soldSince(rule.spend.days));
      parts.push(...this.bounds(`coalesce(${column}, 0)`, rule.spend));
    }
    if (rule.daysSinceLastPurchase) {
      const { min, max } = rule.daysSinceLastPurchase;
      parts.push('f.last_purchase_at IS NOT NULL');
      // Whole local days between: at most `max` ⇔ bought since the start of that day;
      // at least `min` (> 0) ⇔ bought before the start of the day after it.
      if (max !== undefined) parts.push(`f.last_purchase_at >= ${this.param(this.dayStart(max))}`);
      if (min !== undefined && min > 0)
        parts.push(`f.last_purchase_at < ${this.param(this.dayStart(min - 1))}`);
    }
    return parts;
  }

  private soldSince(days: number): string {
    return `f.last_sale_at >= ${this.param(this.dayStart(days - 1))}::bigint`;
  }

  private bounds(
    value: string,
    b: { min?: number | undefined; max?: number | undefined },
  ): string[] {
    const parts: string[] = [];
    if (b.min !== undefined) parts.push(`${value} >= ${this.param(b.min)}`);
    if (b.max !== undefined) parts.push(`${value} <= ${this.param(b.max)}`);
    return parts;
  }

  private whitespaceParam: string | null = null;

  private whitespace(): string {
    return (this.whitespaceParam ??= this.param(JS_WHITESPACE));
  }

  private statusSql: string | null = null;

  /** memberStatus in SQL: elapsed time, strictly fewer days than each threshold. */
  private status(): string {
    if (this.statusSql) return this.statusSql;
    const days = this.settings.memberStatusDays ?? MEMBER_STATUS_DAYS;
    const since = (d: number) => this.param(this.now - d * DAY_MS);
    this.statusSql = `(CASE
        WHEN f.enrolled_at > ${since(days.new)} THEN 'new'
        WHEN f.last_purchase_at IS NOT NULL AND f.last_purchase_at > ${since(days.active)} THEN 'active'
        WHEN coalesce(f.last_purchase_at, f.enrolled_at) > ${since(days.lapsing)} THEN 'lapsing'
        ELSE 'lost' END)`;
    return this.statusSql;
  }

  /**
   * `w`: each window's purchases and net spend of the member, from sale_facts.
   * Per member (LATERAL, through sale_facts_member_at): only the member's sales
   * from the earliest window start on, and only the voids and returns of those
   * sales (through sale_facts_sale), so the member filters above cut the work.
   */
  windowJoin(): string {
    if (this.windows.size === 0) return '';
    const earliest = Math.min(...[...this.windows.keys()].map((k) => Number(k.split(':')[1])));
    const columns = [...this.windows].map(([key, column]) => {
      const [kind, from] = key.split(':');
      const name = column.slice(2);
      const since = this.param(Number(from));
      return kind === 'visits'
        ? `count(*) FILTER (WHERE s.at >= ${since}::bigint) AS ${name}`
        : `sum(s.amount_ore - u.returned) FILTER (WHERE s.at >= ${since}::bigint) AS ${name}`;
    });
    return `
      LEFT JOIN LATERAL (
        SELECT ${columns.join(', ')}
          FROM sale_facts s
          CROSS JOIN LATERAL (
            SELECT coalesce(bool_or(x.kind = 'void'), false) AS voided,
                   -coalesce(sum(x.amount_ore) FILTER (WHERE x.kind = 'return'), 0) AS returned
              FROM sale_facts x
             WHERE x.chain_id = $1 AND x.sale_id = s.sale_id AND x.kind <> 'sale'
          ) u
         WHERE s.chain_id = $1 AND s.member_id = f.member_id
           AND s.at >= ${this.param(earliest)}::bigint AND s.kind = 'sale'
           AND NOT u.voided
           AND NOT (u.returned > 0 AND s.amount_ore - u.returned <= 0)
      ) w ON true`;
  }

  /** `t`: the member's tier level at `now` (tierAt), only when the rule asks for tiers. */
  tierJoin(): string {
    if (!this.tierNeeded) return '';
    const rules = this.settings.tiers;
    if (!rules || !rules.enabled || rules.levels.length === 0)
      return 'LEFT JOIN LATERAL (SELECT NULL::text AS level_id) t ON true';
    const earned = (start: string, end: string) =>
      `coalesce((SELECT sum((e->>1)::bigint) FROM jsonb_array_elements(f.earn_log) e
          WHERE (e->>0)::bigint >= (${start})::bigint
            AND (e->>0)::bigint <= least((${end})::bigint, ${this.param(this.now)}::bigint)), 0)`;
    const levels = rules.levels
      .map((level, index) => ({ level, index }))
      .reverse()
      .map(
        ({ level }) =>
          `WHEN q.points >= ${this.param(level.threshold)} THEN ${this.param(level.id)}`,
      )
      .join(' ');
    let qualifying: string;
    if (rules.qualification.kind === 'calendar_year') {
      const { current, previous } = tierPeriods(rules, 0, this.now, this.settings.timeZone);
      qualifying = `greatest(${earned(this.param(current.start), this.param(current.end))},
                             ${earned(this.param(previous!.start), this.param(previous!.end))})`;
    } else {
      // Rolling periods from the enrolment day: the current one is the last whose start
      // (the enrolment day plus a multiple of the period, clamped to the month's end, at
      // local midnight) is not after today; `age` gives it or the one before.
      const months = this.param(12 * rules.qualification.years);
      const today = this.param(isoDate(this.today));
      const tz = this.param(this.settings.timeZone);
      const startOf = (index: string) =>
        `(extract(epoch FROM ((f.enrolled_day + make_interval(months => (${index})::int * ${months}::int))::timestamp AT TIME ZONE ${tz})) * 1000)::bigint`;
      const approx = `floor((extract(year FROM age(${today}::date, f.enrolled_day)) * 12 + extract(month FROM age(${today}::date, f.enrolled_day))) / ${months}::int)::int`;
      qualifying = `(SELECT greatest(${earned(startOf('p.i'), `${startOf('p.i + 1')} - 1`)},
                                     CASE WHEN p.i > 0 THEN ${earned(startOf('p.i - 1'), `${startOf('p.i')} - 1`)} ELSE 0 END)
          FROM (SELECT CASE WHEN (f.enrolled_day + make_interval(months => (greatest(a.i0, 0) + 1) * ${months}::int))::date <= ${today}::date
                            THEN greatest(a.i0, 0) + 1 ELSE greatest(a.i0, 0) END AS i
                  FROM (SELECT ${approx} AS i0) a) p)`;
    }
    return `LEFT JOIN LATERAL (
        SELECT CASE ${levels} END AS level_id FROM (SELECT ${qualifying} AS points) q
      ) t ON true`;
  }
}

/** The queries of a rule at `now`, with their parameters ($1 the chain). */
export function segmentSql(
  chainId: string,
  rule: SegmentRule,
  now: number,
  settings: SegmentSqlSettings,
): SegmentSql {
  const builder = new Builder(chainId, now, settings);
  const where = builder.node(rule);
  const joins = `${builder.windowJoin()} ${builder.tierJoin()}`;
  const from = `FROM member_facts f ${joins}
   WHERE f.chain_id = $1 AND NOT f.erased AND ${where}`;
  const limit = `$${builder.params.length + 1}`;
  const offset = `$${builder.params.length + 2}`;
  return {
    ids: `SELECT f.member_id ${from}`,
    count: `SELECT count(*) AS n ${from}`,
    page: `SELECT f.member_id, m.member_number
             FROM (SELECT f.member_id ${from}) f
             JOIN members m ON m.chain_id = $1 AND m.member_id = f.member_id
            ORDER BY m.member_number, f.member_id LIMIT ${limit} OFFSET ${offset}`,
    params: builder.params,
  };
}
