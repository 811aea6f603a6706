// biome-ignore-all assist/source/organizeImports: the barrel keeps the Types / Core split of STYLE.md
'use client';
/**
 * `@masetra/react/charts`: chart components over visx, in an entry of their own so a host that
 * shows no chart downloads no chart library. Pass them to the screens that draw charts:
 * `<Dashboard charts={{ BarChart, LineChart, PieChart }} />`, `<ReportBuilder charts={…} />`.
 */

/** Types */
export type { ChartPoint, ChartProps, ChartSeries } from './chartData';
export type { BarChartProps } from './BarChart';
export type { LineChartProps } from './LineChart';
export type { PieChartProps } from './PieChart';

/** Core */
export { BarChart } from './BarChart';
export { LineChart } from './LineChart';
export { PieChart } from './PieChart';
