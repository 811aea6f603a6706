import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { ChartFrame } from './ChartFrame';
import { type ChartProps, maxValueOf, seriesColor } from './chartData';
import { margin, tickLabel, valueTicks } from './chartLayout';

export type BarChartProps = ChartProps;

/**
 * Bars per category, side by side per series: records by state, severity or owner. The
 * drawing scales to its container; screen readers read the figure's data table.
 *
 * @example
 * <BarChart title="Open by severity" categoryLabel="Severity" series={[{ key: 'count', label: 'Open' }]}
 *   points={[{ key: 'major', label: 'Major', values: { count: 12 } }]} />
 */
export function BarChart(props: BarChartProps) {
  const { series, points, formatValue = String, width = 480, height = 240 } = props;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = maxValueOf(series, points);
  const category = scaleBand<string>({
    domain: points.map((point) => point.key),
    range: [0, innerWidth],
    padding: 0.2,
  });
  const within = scaleBand<string>({
    domain: series.map((entry) => entry.key),
    range: [0, category.bandwidth()],
    padding: 0.1,
  });
  const value = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const labelOf = new Map(points.map((point) => [point.key, point.label]));
  return (
    <ChartFrame {...props} kind="bar">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" focusable="false">
        <Group left={margin.left} top={margin.top}>
          {points.map((point) =>
            series.map((entry, index) => {
              const amount = point.values[entry.key] ?? 0;
              const y = value(amount);
              return (
                <Bar
                  key={`${point.key}:${entry.key}`}
                  data-series={entry.key}
                  x={(category(point.key) ?? 0) + (within(entry.key) ?? 0)}
                  y={y}
                  width={within.bandwidth()}
                  height={innerHeight - y}
                  style={{ fill: seriesColor(index) }}
                >
                  <title>{`${point.label}, ${entry.label}: ${formatValue(amount)}`}</title>
                </Bar>
              );
            }),
          )}
          <AxisLeft
            scale={value}
            numTicks={valueTicks(max)}
            tickFormat={(tick) => formatValue(Number(tick))}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ ...tickLabel, textAnchor: 'end', dx: -4, dy: 4 }}
          />
          <AxisBottom
            top={innerHeight}
            scale={category}
            tickFormat={(key) => labelOf.get(key) ?? key}
            stroke="currentColor"
            tickStroke="currentColor"
            tickLabelProps={{ ...tickLabel, textAnchor: 'middle' }}
          />
        </Group>
      </svg>
    </ChartFrame>
  );
}
