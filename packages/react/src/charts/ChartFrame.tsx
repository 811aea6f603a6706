import { type ReactNode, useId } from 'react';
import { ChartDataTable } from './ChartDataTable';
import { type ChartProps, seriesColor } from './chartData';

/** `masetra-chart` or `masetra-chart__<part>`, none when unstyled. */
export function chartClass(unstyled: boolean | undefined, part?: string): string | undefined {
  if (unstyled) return undefined;
  return part ? `masetra-chart__${part}` : 'masetra-chart';
}

/**
 * What every chart shares: a figure named by its caption, the drawing hidden from assistive
 * technology, a legend, and the data table screen readers read instead of the drawing.
 */
export function ChartFrame({
  kind,
  title,
  categoryLabel,
  series,
  points,
  formatValue = String,
  description,
  showTable = false,
  table = true,
  unstyled,
  className,
  legend = series.length > 1 ? series : [],
  children,
}: ChartProps & {
  kind: string;
  /** What the colours stand for: the series by default, a pie's slices for a pie. */
  legend?: readonly { key: string; label: string }[];
  children: ReactNode;
}) {
  const id = useId();
  const rootClass = [chartClass(unstyled), className].filter(Boolean).join(' ') || undefined;
  return (
    <figure
      className={rootClass}
      data-chart={kind}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
    >
      <figcaption id={`${id}-title`} className={chartClass(unstyled, 'title')}>
        {title}
      </figcaption>
      {description && (
        <p id={`${id}-description`} className={chartClass(unstyled, 'description')}>
          {description}
        </p>
      )}
      {/* The drawing says nothing the table does not; screen readers read the table. */}
      <div className={chartClass(unstyled, 'drawing')} aria-hidden="true">
        {children}
      </div>
      {legend.length > 0 && (
        <ul className={chartClass(unstyled, 'legend')} aria-hidden="true">
          {legend.map((entry, index) => (
            <li key={entry.key}>
              <span className={chartClass(unstyled, 'swatch')} style={{ background: seriesColor(index) }} />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      {table && (
        <ChartDataTable
          id={`${id}-table`}
          title={title}
          categoryLabel={categoryLabel}
          series={series}
          points={points}
          formatValue={formatValue}
          visible={showTable}
          className={chartClass(unstyled, 'table')}
        />
      )}
    </figure>
  );
}
