import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import { ChartFrame } from './ChartFrame';
import { type ChartProps, maxValueOf, seriesColor } from './chartData';
import { margin, tickLabel, valueTicks } from './chartLayout';

export type LineChartProps = ChartProps;

/**
 * A trend: one line per series over ordered categories, e.g. deviations opened and closed
 * per month. Each point is marked, so a single month still shows.
 *
 * @example
 * <LineChart title="Opened and closed per month" categoryLabel="Month"
 *   series={[{ key: 'opened', label: 'Opened' }, { key: 'closed', label: 'Closed' }]}
 *   points={[{ key: '2026-03', label: 'Mar 2026', values: { opened: 9, closed: 7 } }]} />
 */
export function LineChart(props: LineChartProps) {
  const { series, points, formatValue = String, width = 480, height = 240 } = props;
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = maxValueOf(series, points);
  const category = scalePoint<string>({
    domain: points.map((point) => point.key),
    range: [0, innerWidth],
    padding: 0.5,
  });
  const value = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const labelOf = new Map(points.map((point) => [point.key, point.label]));
  // Label at most ~8 months under the axis; the table has every one.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const shownTicks = points.filter((_, index) => index % every === 0).map((point) => point.key);
  return (
    <ChartFrame {...props} kind="line">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" focusable="false">
        <Group left={margin.left} top={margin.top}>
          {series.map((entry, index) => (
            <g key={entry.key} data-series={entry.key} style={{ color: seriesColor(index) }}>
              <LinePath
                data={[...points]}
                x={(point) => category(point.key) ?? 0}
                y={(point) => value(point.values[entry.key] ?? 0)}
                stroke="currentColor"
                strokeWidth={2}
                fill="none"
              />
              {points.map((point) => (
                <circle
                  key={point.key}
                  cx={category(point.key) ?? 0}
                  cy={value(point.values[entry.key] ?? 0)}
                  r={3}
                  fill="currentColor"
                >
                  <title>{`${point.label}, ${entry.label}: ${formatValue(point.values[entry.key] ?? 0)}`}</title>
                </circle>
              ))}
            </g>
          ))}
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
            tickValues={shownTicks}
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
