import { type LinkKind, linkKinds, type RecordBase, type RecordLink, type RecordType } from '@masetra/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { qmsKeys } from '../hooks/qmsKeys';
import { useSlots } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';

export interface SimilarRecordsProps {
  recordType: RecordType;
  record: RecordBase;
  /** The record's links now, so that a record linked already is not offered again. */
  links: readonly RecordLink[];
  /** Links the chosen record with `kind`, this record as its source. */
  onLink: (kind: LinkKind, record: RecordBase) => void;
  disabled?: boolean;
}

const MAX_SIMILAR = 5;

/** The kinds whose recurrence check applies to this record type, with the fields that make records alike. */
function similarKinds(recordType: RecordType, record: RecordBase) {
  const kinds: { kind: LinkKind; targetType: string; filters: Record<string, string> }[] = [];
  for (const [kind, rule] of Object.entries(linkKinds) as [LinkKind, (typeof linkKinds)[LinkKind]][]) {
    const fields = rule.similarBy?.[recordType.name];
    if (!fields || rule.to === 'host') continue;
    const filters: Record<string, string> = {};
    for (const field of fields) {
      const value = (record as Record<string, unknown>)[field];
      if (typeof value === 'string' && value.trim()) filters[field] = value;
    }
    if (Object.keys(filters).length === 0) continue;
    for (const targetType of rule.to) kinds.push({ kind, targetType, filters });
  }
  return kinds;
}

/**
 * The recurrence check: earlier records alike in the fields the kind of link names (a deviation
 * in the same area), offered as likely targets of a `recurrence_of` link. Nothing is linked
 * until the person chooses one.
 */
export function SimilarRecords({ recordType, record, links, onLink, disabled }: SimilarRecordsProps) {
  const { client, registry, t, labels } = useQms();
  const slots = useSlots('record-links', undefined, undefined);
  const headingId = useId();
  const kinds = similarKinds(recordType, record);
  const search = useQuery({
    queryKey: [...qmsKeys.record(recordType.name, record.id), 'similar', kinds],
    enabled: kinds.length > 0,
    queryFn: async ({ signal }) => {
      const found: { kind: LinkKind; record: RecordBase }[] = [];
      for (const { kind, targetType, filters } of kinds) {
        const type = registry.byName(targetType);
        if (!type) continue;
        // A filter value is a comma-separated list; a value with a comma in it is searched for
        // instead, and every candidate is checked for the same value here.
        const exact = Object.values(filters).every((value) => !value.includes(','));
        const query = exact ? filters : { q: Object.values(filters).join(' ') };
        const page = await client
          .records(type)
          .list({ ...query, sort: '-createdAt', limit: exact ? MAX_SIMILAR + 1 : 50 } as never, { signal });
        for (const candidate of page.items as RecordBase[]) {
          const alike = Object.entries(filters).every(
            ([field, value]) => (candidate as Record<string, unknown>)[field] === value,
          );
          // Earlier ones only: a recurrence recurs what happened before it.
          if (alike && candidate.id !== record.id && candidate.createdAt < record.createdAt) {
            found.push({ kind, record: candidate });
          }
        }
      }
      return found;
    },
  });
  const linked = new Set(links.map((link) => link.record?.id));
  const candidates = (search.data ?? []).filter((each) => !linked.has(each.record.id)).slice(0, MAX_SIMILAR);
  if (candidates.length === 0) return null;
  const fields = labels.field(recordType.name, Object.keys(kinds[0]!.filters)[0]!);
  return (
    <section className={slots('similar')} aria-labelledby={headingId}>
      <h4 id={headingId} className={slots.ui('heading')}>
        {t('links.similar.title')}
      </h4>
      <p className={slots.ui('hint')}>{t('links.similar.hint', { fields })}</p>
      <ul className={slots('list')}>
        {candidates.map(({ kind, record: candidate }) => {
          const type = registry.byName(candidate.type);
          const title = type ? String((candidate as Record<string, unknown>)[type.titleField] ?? '') : '';
          const name = `${candidate.number} ${title}`.trim();
          return (
            <li key={`${kind}-${candidate.id}`} className={slots('link')} data-similar-kind={kind}>
              <strong>{name}</strong> <StateBadge recordType={candidate.type} state={candidate.state} />{' '}
              <button
                type="button"
                className={slots.ui('button')}
                disabled={disabled}
                aria-label={t('links.similar.linkNamed', {
                  name,
                  kind: t(`links.kind.${kind}.outgoing`),
                })}
                onClick={() => onLink(kind, candidate)}
              >
                {t('links.similar.link', { kind: t(`links.kind.${kind}.outgoing`) })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
