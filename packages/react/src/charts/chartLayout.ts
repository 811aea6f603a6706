// The plot area inside a chart's SVG: room on the left for the value axis, below for the categories.
export const margin = { top: 12, right: 12, bottom: 36, left: 44 } as const;

/** The tick labels' look: the text colour of the theme, small type. */
export const tickLabel = { fill: 'currentColor', fontSize: 11, fontFamily: 'inherit' } as const;

/** At most this many ticks on the value axis; whole numbers only when the values are counts. */
export function valueTicks(max: number): number {
  return Math.min(5, Math.max(1, Math.ceil(max)));
}
