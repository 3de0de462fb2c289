/**
 * The calculator's chart: revenue per customer today, and with the levers as
 * today's plus what each lever brings (stacked), in recharts' SVG (crisp in
 * print, read by the end-to-end test). Loaded on its own by CalculatorPage.
 * No animation: the bars follow each keystroke and a slider's every step.
 * The picture is one image to a screen reader, described in a sentence with
 * the same figures; the figures and the formula beside it say them in text.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { CalculatorResult } from '../../../core/loyalty-calculator';
import { useBo } from '../../i18n';

/** The back office's colours: today in a neutral, the levers in three that tell apart in grey too. */
const COLOUR = {
  today: '#a39c8c',
  basket: '#0b5d3b',
  visits: '#d08c00',
  months: '#2f6db5',
} as const;

export function CalculatorChart({ result }: { result: CalculatorResult }) {
  const { t } = useBo();
  const kr = (ore: number) => t('calculator.kr', { amount: ore / 100 });
  const shares = result.contributionsOre;
  const rows = [
    { name: t('calculator.before'), today: result.beforeOre / 100 },
    {
      name: t('calculator.after'),
      today: result.beforeOre / 100,
      basket: shares.basketOre / 100,
      visits: shares.visitsHundredths / 100,
      months: shares.monthsHundredths / 100,
    },
  ];
  const summary = t('calculator.chartSummary', {
    before: kr(result.beforeOre),
    after: kr(result.afterOre),
    basket: kr(shares.basketOre),
    visits: kr(shares.visitsHundredths),
    months: kr(shares.monthsHundredths),
  });
  const series = [
    { key: 'today', label: t('calculator.seriesToday') },
    { key: 'basket', label: t('calculator.seriesBasket') },
    { key: 'visits', label: t('calculator.seriesVisits') },
    { key: 'months', label: t('calculator.seriesMonths') },
  ] as const;
  return (
    <figure className="calc-chart" role="img" aria-label={summary} data-testid="calc-chart">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart
          data={rows}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e4dfd3" />
          <XAxis dataKey="name" tickLine={false} stroke="#4a4a4a" />
          <YAxis
            width={96}
            tickLine={false}
            stroke="#4a4a4a"
            tickFormatter={(value: number) => t('calculator.kr', { amount: value })}
          />
          {series.map(({ key, label }) => (
            <Bar
              key={key}
              dataKey={key}
              name={label}
              stackId="revenue"
              fill={COLOUR[key]}
              maxBarSize={120}
              isAnimationActive={false}
            />
          ))}
          {/* In the stack's order, bottom up (recharts sorts by name otherwise). */}
          <Legend
            verticalAlign="bottom"
            iconType="square"
            itemSorter={null}
            // In ink, not each series' colour: the grey and the amber are too pale for text.
            formatter={(value: string) => <span className="calc-legend-text">{value}</span>}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
