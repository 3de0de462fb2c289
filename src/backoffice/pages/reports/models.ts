/**
 * Each report as the page shows it: one table (what the screen, the printout
 * and the CSV file say, in the reader's language) and one chart drawn from the
 * same figures. Kroner: the screen writes them as money, the CSV as a plain
 * number with a decimal comma (src/core/reports/csv.ts), so Excel can sum them.
 */
import type {
  BoCouponReport,
  BoEnrolmentReport,
  BoLiabilityReport,
  BoMemberShareReport,
  BoPunchCardReport,
  BoTierReport,
  BoTopMembersReport,
} from '../../../contract/backoffice/reports';
import type { Locale } from '../../../core/i18n';
import type { CsvCell } from '../../../core/reports/csv';
import { csvKroner, csvPercent } from '../../../core/reports/csv';
import type { BoI18n } from '../../i18n';

export const REPORT_IDS = [
  'share',
  'enrolments',
  'top',
  'coupons',
  'punch',
  'liability',
  'tiers',
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

/** A cell: what the screen shows, and what the CSV file holds. */
export interface Cell {
  shown: string;
  csv: CsvCell;
  /** Figures align right. */
  figure?: boolean;
}

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
}

export interface ChartModel {
  /** One object per bar group: `name` on the axis, each series' value under its key. */
  rows: Array<Record<string, string | number>>;
  series: ChartSeries[];
  stacked: boolean;
  /** Values are kroner (the axis says kr). */
  kroner: boolean;
  /** A sentence saying what the chart shows, for a screen reader. */
  summary: string;
}

export interface ReportModel {
  title: string;
  note: string;
  /** A sentence with the headline figures, when the report has one. */
  headline: string | null;
  header: string[];
  rows: Cell[][];
  /** The table's last row: the totals (shown, and in the CSV). */
  footer: Cell[] | null;
  chart: ChartModel | null;
}

/** The back office's colours: members in the brand green, the rest in tones that tell apart in grey. */
export const COLOURS = {
  main: '#0b5d3b',
  other: '#a39c8c',
  second: '#d08c00',
  third: '#2f6db5',
  down: '#b3261e',
} as const;

/** A share as a per cent with one decimal: "43,8 %" (bokmål, Swedish), "43.8%" (English); '–' for none. */
export function percentText(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  const figure = (Math.round(value * 1000) / 10).toFixed(1);
  return locale === 'en' ? `${figure}%` : `${figure.replace('.', ',')}\u00a0%`;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function counts(n: number): Cell {
  return { shown: String(n), csv: n, figure: true };
}

export function buildModel(
  id: ReportId,
  report: unknown,
  i18n: Pick<BoI18n, 't' | 'money' | 'say' | 'locale'>,
): ReportModel {
  const { t, money, say } = i18n;
  const kr = (ore: number): Cell => ({ shown: money(ore), csv: csvKroner(ore), figure: true });
  const pct = (value: number | null): Cell => ({
    shown: percentText(value, i18n.locale),
    csv: csvPercent(value),
    figure: true,
  });
  const text = (value: string): Cell => ({ shown: value, csv: value });
  switch (id) {
    case 'share': {
      const r = report as BoMemberShareReport;
      const row = (d: BoMemberShareReport['days'][number], label: string): Cell[] => [
        text(label),
        kr(d.amountOre),
        kr(d.memberAmountOre),
        pct(share(d.memberAmountOre, d.amountOre)),
        counts(d.receipts),
        counts(d.memberReceipts),
        pct(share(d.memberReceipts, d.receipts)),
        counts(d.members),
      ];
      const amountShare = share(r.total.memberAmountOre, r.total.amountOre);
      const receiptShare = share(r.total.memberReceipts, r.total.receipts);
      const shown = (v: number | null) => percentText(v, i18n.locale);
      return {
        title: t('reports.share.title'),
        note: t('reports.share.note'),
        headline: t('reports.share.headline', {
          amount: shown(amountShare),
          receipts: shown(receiptShare),
        }),
        header: [
          t('reports.day'),
          t('reports.share.amount'),
          t('reports.share.memberAmount'),
          t('reports.share.amountShare'),
          t('reports.share.receipts'),
          t('reports.share.memberReceipts'),
          t('reports.share.receiptShare'),
          t('reports.share.members'),
        ],
        rows: r.days.map((d) => row(d, d.day)),
        footer: row(r.total, t('reports.total')),
        chart: {
          rows: r.days.map((d) => ({
            name: d.day,
            members: d.memberAmountOre / 100,
            others: (d.amountOre - d.memberAmountOre) / 100,
          })),
          series: [
            { key: 'members', label: t('reports.share.memberAmount'), colour: COLOURS.main },
            { key: 'others', label: t('reports.share.otherAmount'), colour: COLOURS.other },
          ],
          stacked: true,
          kroner: true,
          summary: t('reports.share.chart', { share: shown(amountShare) }),
        },
      };
    }
    case 'enrolments': {
      const r = report as BoEnrolmentReport;
      return {
        title: t('reports.enrolments.title'),
        note: t('reports.enrolments.note'),
        headline: null,
        header: [
          t('reports.day'),
          t('reports.store'),
          t('reports.staff'),
          t('reports.enrolments.count'),
        ],
        rows: r.rows.map((row) => [
          text(row.day),
          text(row.storeName),
          text(row.staffName ?? t('reports.staffUnknown')),
          counts(row.enrolments),
        ]),
        footer: [text(t('reports.total')), text(''), text(''), counts(r.total)],
        chart: {
          rows: r.byDay.map((d) => ({ name: d.day, enrolments: d.enrolments })),
          series: [
            { key: 'enrolments', label: t('reports.enrolments.count'), colour: COLOURS.main },
          ],
          stacked: false,
          kroner: false,
          summary: t('reports.enrolments.chart', { count: r.total }),
        },
      };
    }
    case 'top': {
      const r = report as BoTopMembersReport;
      const nameOf = (m: BoTopMembersReport['members'][number]) =>
        m.erased ? t('reports.top.erased') : (m.name ?? '');
      return {
        title: t('reports.top.title', { n: r.n }),
        note: t('reports.top.note'),
        headline: null,
        header: [
          t('reports.top.rank'),
          t('reports.top.member'),
          t('reports.top.memberNumber'),
          t('reports.top.phone'),
          t('reports.top.spend'),
          t('reports.top.receipts'),
        ],
        rows: r.members.map((m) => [
          counts(m.rank),
          text(nameOf(m)),
          text(m.memberNumber),
          text(m.phone ?? ''),
          kr(m.spendOre),
          counts(m.receipts),
        ]),
        footer: null,
        chart: {
          rows: r.members.map((m) => ({
            name: `${m.rank}. ${nameOf(m)}`,
            spend: m.spendOre / 100,
          })),
          series: [{ key: 'spend', label: t('reports.top.spend'), colour: COLOURS.main }],
          stacked: false,
          kroner: true,
          summary: t('reports.top.chart', { n: r.members.length }),
        },
      };
    }
    case 'coupons': {
      const r = report as BoCouponReport;
      const kindName = (kind: string) => t('reports.coupons.kindName', { kind });
      const ruleName = (row: BoCouponReport['rows'][number]) =>
        row.name
          ? say(row.name)
          : row.ruleId
            ? t('reports.coupons.ruleGone', { id: row.ruleId })
            : '';
      const perKind = new Map<string, number>();
      for (const row of r.rows)
        perKind.set(row.kind, (perKind.get(row.kind) ?? 0) + row.redemptions);
      return {
        title: t('reports.coupons.title'),
        note: t('reports.coupons.note'),
        headline: null,
        header: [
          t('reports.coupons.kind'),
          t('reports.coupons.rule'),
          t('reports.coupons.redemptions'),
        ],
        rows: r.rows.map((row) => [
          text(kindName(row.kind)),
          text(ruleName(row)),
          counts(row.redemptions),
        ]),
        footer: [text(t('reports.total')), text(''), counts(r.total)],
        chart: {
          rows: [...perKind].map(([kind, n]) => ({ name: kindName(kind), redemptions: n })),
          series: [
            { key: 'redemptions', label: t('reports.coupons.redemptions'), colour: COLOURS.third },
          ],
          stacked: false,
          kroner: false,
          summary: t('reports.coupons.chart', { count: r.total }),
        },
      };
    }
    case 'punch': {
      const r = report as BoPunchCardReport;
      const cardName = (row: BoPunchCardReport['rows'][number]) =>
        row.name ? say(row.name) : t('reports.punch.cardGone', { id: row.cardId });
      return {
        title: t('reports.punch.title'),
        note: t('reports.punch.note'),
        headline: null,
        header: [t('reports.punch.card'), t('reports.punch.completed')],
        rows: r.rows.map((row) => [text(cardName(row)), counts(row.completed)]),
        footer: [text(t('reports.total')), counts(r.total)],
        chart: {
          rows: r.rows.map((row) => ({ name: cardName(row), completed: row.completed })),
          series: [
            { key: 'completed', label: t('reports.punch.completed'), colour: COLOURS.second },
          ],
          stacked: false,
          kroner: false,
          summary: t('reports.punch.chart', { count: r.total }),
        },
      };
    }
    case 'liability': {
      const r = report as BoLiabilityReport;
      return {
        title: t('reports.liability.title'),
        note:
          r.pointValueOre > 0
            ? t('reports.liability.note', { value: money(r.pointValueOre) })
            : t('reports.liability.notRedeemable'),
        headline: t('reports.liability.headline', { points: r.points, value: money(r.valueOre) }),
        header: [
          t('reports.liability.month'),
          t('reports.liability.points'),
          t('reports.liability.value'),
        ],
        rows: r.expiring.map((m) => [text(m.month), counts(m.points), kr(m.valueOre)]),
        footer: [text(t('reports.liability.heldNow')), counts(r.points), kr(r.valueOre)],
        chart: {
          rows: r.expiring.map((m) => ({ name: m.month, value: m.valueOre / 100 })),
          series: [{ key: 'value', label: t('reports.liability.value'), colour: COLOURS.second }],
          stacked: false,
          kroner: true,
          summary: t('reports.liability.chart'),
        },
      };
    }
    case 'tiers': {
      const r = report as BoTierReport;
      return {
        title: t('reports.tiers.title'),
        note: r.tiersOn ? t('reports.tiers.note') : t('reports.tiers.off'),
        headline: null,
        header: [
          t('reports.tiers.period'),
          t('reports.tiers.up'),
          t('reports.tiers.kept'),
          t('reports.tiers.down'),
        ],
        rows: r.periods.map((p) => [text(p.period), counts(p.up), counts(p.kept), counts(p.down)]),
        footer: null,
        chart: r.tiersOn
          ? {
              rows: r.periods.map((p) => ({
                name: p.period,
                up: p.up,
                kept: p.kept,
                down: p.down,
              })),
              series: [
                { key: 'up', label: t('reports.tiers.up'), colour: COLOURS.main },
                { key: 'kept', label: t('reports.tiers.kept'), colour: COLOURS.other },
                { key: 'down', label: t('reports.tiers.down'), colour: COLOURS.down },
              ],
              stacked: true,
              kroner: false,
              summary: t('reports.tiers.chart'),
            }
          : null,
      };
    }
  }
}
