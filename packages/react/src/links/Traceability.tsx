import type { LinkKind, RecordType, Trace, TraceLink, TraceRecord } from '@masetra/core';
import { useId } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { HostObjectLink } from './HostObjectLink';
import { useTrace } from './useTrace';

export type TraceabilitySlot = 'root' | 'title' | 'tree' | 'node' | 'kind' | 'record' | 'training';

export interface TraceabilityProps {
  recordType: RecordTypeRef<RecordType>;
  id: string;
  /** Opens a record of the chain; the host decides where. Without it, numbers show as text. */
  onOpenRecord?: (recordType: string, id: string) => void;
  /** Whether it is its own region with a heading (the default); `false` inside a titled page section. */
  titled?: boolean;
  className?: string;
  classNames?: ClassNames<TraceabilitySlot>;
}

/** One step of the chain as drawn: how it is reached from the step above, and what it is. */
interface Step {
  key: string;
  kind: LinkKind;
  direction: 'outgoing' | 'incoming';
  record?: TraceRecord;
  host?: TraceLink['host'];
  children: Step[];
}

const keyOf = (end: { type: string; id: string }) => `${end.type}:${end.id}`;

/**
 * The chain as a tree from the traced record: each record hangs under the nearer record it was
 * reached from (the walk is breadth first, so that is one link nearer), host objects under the
 * record that concerns them.
 */
function treeOf(trace: Trace): { root: TraceRecord | undefined; steps: Step[] } {
  const root = trace.records[0];
  const byKey = new Map(trace.records.map((record) => [keyOf(record), record]));
  const children = new Map<string, Step[]>();
  const placed = new Set<string>(root ? [keyOf(root)] : []);
  const add = (parent: string, step: Step) => children.set(parent, [...(children.get(parent) ?? []), step]);
  for (const record of trace.records.slice(1)) {
    const key = keyOf(record);
    const link = trace.links.find((each) => {
      if (!each.to) return false;
      const other =
        keyOf(each.from) === key ? keyOf(each.to) : keyOf(each.to) === key ? keyOf(each.from) : null;
      return other !== null && byKey.get(other)?.depth === record.depth - 1;
    });
    if (!link?.to) continue;
    const outgoing = keyOf(link.to) === key;
    add(outgoing ? keyOf(link.from) : keyOf(link.to), {
      key,
      kind: link.kind,
      direction: outgoing ? 'outgoing' : 'incoming',
      record,
      children: [],
    });
    placed.add(key);
  }
  for (const link of trace.links) {
    if (link.host) {
      add(keyOf(link.from), {
        key: link.id,
        kind: link.kind,
        direction: 'outgoing',
        host: link.host,
        children: [],
      });
    }
  }
  const build = (parent: string): Step[] =>
    (children.get(parent) ?? []).map((step) => ({ ...step, children: step.record ? build(step.key) : [] }));
  return { root, steps: root ? build(keyOf(root)) : [] };
}

/**
 * A record's traceability view: its whole chain over links (deviation → CAPA → changed document
 * → training; finding → CAPA → document; recurrences; host objects such as a batch), each
 * record with its number, title and state. Records the user may not read are not shown.
 *
 * @example
 * <Traceability recordType="deviation" id={id} onOpenRecord={(type, id) => navigate(`/${type}/${id}`)} />
 */
export function Traceability({
  recordType,
  id,
  onOpenRecord,
  titled = true,
  className,
  classNames,
}: TraceabilityProps) {
  const { t, labels } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('traceability', className, classNames);
  const headingId = useId();
  const trace = useTrace(type, id);

  const recordName = (record: TraceRecord) => `${record.number} ${record.title ?? ''}`.trim();
  const renderRecord = (record: TraceRecord, current: boolean) => (
    <span className={slots('record')} data-record-type={record.type}>
      <span className={slots.ui('hint')}>{labels.recordType(record.type)}</span>{' '}
      {onOpenRecord && !current ? (
        <button
          type="button"
          className={slots.ui('button')}
          data-variant="link"
          onClick={() => onOpenRecord(record.type, record.id)}
        >
          {recordName(record)}
        </button>
      ) : (
        <strong aria-current={current ? 'true' : undefined}>{recordName(record)}</strong>
      )}{' '}
      <StateBadge recordType={record.type} state={record.state} />
      {record.training && (
        <>
          {' '}
          <span className={slots('training')}>
            <span>{t('trace.training', { ...record.training })}</span>
            {record.training.overdue > 0 && (
              <>
                {' · '}
                <strong>{t('trace.trainingOverdue', { overdue: record.training.overdue })}</strong>
              </>
            )}
          </span>
        </>
      )}
    </span>
  );
  const renderSteps = (steps: Step[]) => (
    <ul className={slots('tree')}>
      {steps.map((step) => (
        <li key={step.key} className={slots('node')} data-link-kind={step.kind}>
          <span className={slots('kind')}>{t(`links.kind.${step.kind}.${step.direction}`)}</span>{' '}
          {step.record ? (
            renderRecord(step.record, false)
          ) : step.host ? (
            <HostObjectLink host={step.host} />
          ) : null}
          {step.children.length > 0 && renderSteps(step.children)}
        </li>
      ))}
    </ul>
  );

  const body = trace.isPending ? (
    <p role="status">{t('common.loading')}</p>
  ) : trace.isError ? (
    <p className={slots.ui('alert')} role="alert">
      {describeError(t, trace.error)}
    </p>
  ) : (
    (() => {
      const { root, steps } = treeOf(trace.data);
      if (!root) return null;
      return (
        <>
          <div className={slots('node')}>{renderRecord(root, true)}</div>
          {steps.length === 0 ? <p className={slots.ui('hint')}>{t('trace.none')}</p> : renderSteps(steps)}
          {trace.data.truncated && <p className={slots.ui('hint')}>{t('trace.truncated')}</p>}
        </>
      );
    })()
  );

  if (!titled) return <div className={slots('root')}>{body}</div>;
  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <h3 id={headingId} className={slots.ui('heading', slots('title'))}>
        {t('trace.title')}
      </h3>
      {body}
    </section>
  );
}
