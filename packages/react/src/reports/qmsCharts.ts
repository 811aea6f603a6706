import type { ComponentType } from 'react';
import type { ChartProps } from '../charts/chartData';

/**
 * The chart components a screen draws with. The screens import no chart library: pass those of
 * `@masetra/react/charts` (or your own with the same props), and a host that shows no chart
 * downloads none. Without them, the screens show the numbers as tables.
 *
 * @example
 * import { BarChart, LineChart, PieChart } from '@masetra/react/charts';
 * <Dashboard charts={{ BarChart, LineChart, PieChart }} />
 */
export interface QmsCharts {
  BarChart: ComponentType<ChartProps>;
  LineChart: ComponentType<ChartProps>;
  /** Optional: a pie report falls back on bars without it. */
  PieChart?: ComponentType<ChartProps>;
}
