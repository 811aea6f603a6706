/** A series of a chart: one colour, one column of its data table (e.g. "Opened", "Closed"). */
export interface ChartSeries {
  key: string;
  /** The series' name, shown in the legend and as its column's header. */
  label: string;
}

/** One category of a chart (a bar group, a point on the x axis) with its value per series key. */
export interface ChartPoint {
  key: string;
  /** The category as people read it, e.g. "Major" or "Mar 2026". */
  label: string;
  values: Readonly<Record<string, number>>;
}

/** What every chart of `@masetra/react/charts` takes. Plain props: a chart reads no provider. */
export interface ChartProps {
  /** The chart's accessible name, shown as its caption. */
  title: string;
  /** The header of the data table's first column, e.g. "Month" or "Severity". */
  categoryLabel: string;
  series: readonly ChartSeries[];
  points: readonly ChartPoint[];
  /** How a value is printed in the table, the axis and the tooltips; `String` by default. */
  formatValue?: (value: number) => string;
  /** A sentence read after the name, e.g. "Most: Major, 12". */
  description?: string;
  /** Show the data table below the chart, not only to screen readers. Default false. */
  showTable?: boolean;
  /**
   * Render the data table at all. Default true; pass false only where the page shows the same
   * numbers in a table of its own (say so in `description`), so screen readers do not hear them twice.
   */
  table?: boolean;
  /** The drawing's width and height in SVG units; it scales to its container's width. Default 480 × 240. */
  width?: number;
  height?: number;
  /** No `masetra-*` class names, as in the provider's unstyled mode. */
  unstyled?: boolean;
  className?: string;
}

/** The largest value of any series, at least 1 so a scale over nothing still has a range. */
export function maxValueOf(series: readonly ChartSeries[], points: readonly ChartPoint[]): number {
  let max = 1;
  for (const point of points) for (const { key } of series) max = Math.max(max, point.values[key] ?? 0);
  return max;
}

/**
 * The colour of the nth series: a CSS custom property each theme may set, falling back on the
 * palette `Charts.css` derives from the theme's tokens, and on the text colour when unstyled.
 */
export function seriesColor(index: number): string {
  return `var(--masetra-chart-${(index % 6) + 1}, currentColor)`;
}
