import { Group } from '@visx/group';
import { Pie } from '@visx/shape';
import { ChartFrame } from './ChartFrame';
import { type ChartPoint, type ChartProps, seriesColor } from './chartData';

export type PieChartProps = ChartProps;

/**
 * Shares of a whole: one slice per category of the first series, e.g. open deviations by
 * severity. Categories without records draw no slice; the data table lists them all.
 *
 * @example
 * <PieChart title="Open by severity" categoryLabel="Severity" series={[{ key: 'count', label: 'Open' }]}
 *   points={[{ key: 'minor', label: 'Minor', values: { count: 4 } }, { key: 'major', label: 'Major', values: { count: 2 } }]} />
 */
export function PieChart(props: PieChartProps) {
  const { series, points, formatValue = String, width = 480, height = 240 } = props;
  const measured = series[0];
  const radius = Math.min(width, height) / 2 - 4;
  const amountOf = (point: ChartPoint) => (measured ? (point.values[measured.key] ?? 0) : 0);
  const colourOf = new Map(points.map((point, index) => [point.key, seriesColor(index)]));
  return (
    <ChartFrame {...props} kind="pie" legend={points}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="presentation" focusable="false">
        <Group top={height / 2} left={width / 2}>
          <Pie
            data={points.filter((point) => amountOf(point) > 0)}
            pieValue={amountOf}
            outerRadius={radius}
            pieSort={null}
          >
            {(pie) =>
              pie.arcs.map((arc) => (
                <path
                  key={arc.data.key}
                  data-category={arc.data.key}
                  d={pie.path(arc) ?? undefined}
                  style={{
                    fill: colourOf.get(arc.data.key),
                    stroke: 'var(--masetra-color-surface, transparent)',
                  }}
                >
                  <title>{`${arc.data.label}: ${formatValue(amountOf(arc.data))}`}</title>
                </path>
              ))
            }
          </Pie>
        </Group>
      </svg>
    </ChartFrame>
  );
}
