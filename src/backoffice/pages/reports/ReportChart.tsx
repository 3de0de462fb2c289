/**
 * A report's chart: bars in recharts' SVG (the library the calculator already
 * uses: one chart library for the back office, crisp in print). Loaded on its
 * own by ReportsPage. No animation, so a printout or a screenshot shows the
 * figures whole. The picture is one image to a screen reader, described in a
 * sentence; the table under it says every figure.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useBo } from '../../i18n';
import type { ChartModel } from './models';

export function ReportChart({ chart }: { chart: ChartModel }) {
  const { locale } = useBo();
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : `${locale}-NO`, {
    maximumFractionDigits: 0,
  });
  const axis = (value: number) =>
    chart.kroner ? `${number.format(value)} kr` : number.format(value);
  return (
    <figure className="rep-chart" role="img" aria-label={chart.summary} data-testid="rep-chart">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart
          data={chart.rows}
          margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e4dfd3" />
          {/* Labels that would overlap (a long range, a narrow page) are left out, first and last kept. */}
          <XAxis
            dataKey="name"
            tickLine={false}
            stroke="#4a4a4a"
            interval="preserveStartEnd"
            minTickGap={12}
          />
          <YAxis
            width={chart.kroner ? 88 : 48}
            tickLine={false}
            stroke="#4a4a4a"
            tickFormatter={axis}
          />
          {chart.series.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={series.label}
              fill={series.colour}
              stackId={chart.stacked ? 'stack' : undefined}
              maxBarSize={64}
              isAnimationActive={false}
            />
          ))}
          <Legend
            verticalAlign="bottom"
            iconType="square"
            itemSorter={null}
            formatter={(value: string) => <span className="rep-legend-text">{value}</span>}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
