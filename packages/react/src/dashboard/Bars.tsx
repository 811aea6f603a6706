import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import type { DashboardSlot } from './Dashboard';

/** Counts as a labelled list, each with a bar proportional to the largest. */
export function Bars({
  entries,
  label,
  slots,
}: {
  entries: { key: string; label: string; count: number }[];
  label: string;
  slots: SlotClasses<DashboardSlot>;
}) {
  const { format } = useQms();
  const max = Math.max(1, ...entries.map((entry) => entry.count));
  return (
    <ul className={slots('bars')} aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key} className={slots('bar')} data-key={entry.key}>
          <span>{entry.label}</span> <strong>{format.number(entry.count)}</strong>
          <span
            className={slots('barFill')}
            aria-hidden="true"
            style={{ inlineSize: `${Math.round((entry.count / max) * 100)}%` }}
          />
        </li>
      ))}
    </ul>
  );
}
