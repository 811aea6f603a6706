import type { CSSProperties } from 'react';
import type { ChartPoint, ChartSeries } from './chartData';

// Inline, not a class: it must hide in unstyled mode too, where no stylesheet is loaded.
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * The numbers a chart draws, as a table: what screen readers read in place of the drawing
 * (which is hidden from them), and what sighted users see with `showTable`.
 */
export function ChartDataTable({
  id,
  title,
  categoryLabel,
  series,
  points,
  formatValue,
  visible,
  className,
}: {
  id: string | undefined;
  title: string;
  categoryLabel: string;
  series: readonly ChartSeries[];
  points: readonly ChartPoint[];
  formatValue: (value: number) => string;
  visible: boolean;
  className: string | undefined;
}) {
  return (
    <table id={id} className={className} style={visible ? undefined : visuallyHidden}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{categoryLabel}</th>
          {series.map((entry) => (
            <th key={entry.key} scope="col">
              {entry.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {points.map((point) => (
          <tr key={point.key}>
            <th scope="row">{point.label}</th>
            {series.map((entry) => (
              <td key={entry.key}>{formatValue(point.values[entry.key] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
