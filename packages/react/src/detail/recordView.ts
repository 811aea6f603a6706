// What a record type's page shows beyond what every record has: its view, one per record type.
import { type RecordBase, type RecordType, type StateTag, stateHasTag } from '@masetra/core';
import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/messages';

/** A record as a view's section receives it: its common fields and its type's own. */
export type ViewedRecord = RecordBase & Readonly<Record<string, unknown>>;

/** What a view's section component is given by `RecordDetail`. */
export interface RecordViewSectionProps {
  /** The record, as loaded; a new version re-renders the section. */
  record: ViewedRecord;
  recordType: RecordType;
  /** The instant "overdue" and "due soon" are judged at (ISO 8601), as `RecordDetail` was given it. */
  now?: string;
  /** Opens a related record, when the host page can. */
  onOpenRecord?: (recordType: string, id: string) => void;
}

/** Whether a section shows for the record as it stands. */
export interface RecordViewContext {
  record: ViewedRecord;
  recordType: RecordType;
  /** Whether the record's state carries a tag of its machine (`editable`, `approval`, `done`, `void`, …). */
  hasTag(tag: StateTag): boolean;
}

/** One section of a record type's own work on its page, with its place in the page's navigation. */
export interface RecordViewSection {
  /** Unique within the view; part of the section's element id. */
  id: string;
  /**
   * The section's heading and navigation label: a message key, of the catalog or of the host's
   * `messages` (a host adds its own keys there, in each language).
   */
  label: MessageKey | (string & {});
  /** Renders the section's content; `RecordDetail` renders its region and heading. */
  component: ComponentType<RecordViewSectionProps>;
  /** Shows the section only when this holds, e.g. `({ hasTag }) => hasTag('investigation')`; always otherwise. */
  when?: (context: RecordViewContext) => boolean;
}

/** A record type's view: the sections of its own work, in the order shown. */
export interface RecordView {
  sections: readonly RecordViewSection[];
}

/**
 * Views by record type name. A host's views, given to `QmsProvider`, are merged over the built-in
 * ones (`defaultRecordViews`): a type the host names gets the host's view in place of the built-in one.
 *
 * @example
 * const views: RecordViews = {
 *   change_control: {
 *     sections: [{ id: 'impact', label: 'changeControl.impact', component: ImpactAssessment }],
 *   },
 * };
 * <QmsProvider client={client} registry={registry} views={views} messages={{ 'changeControl.impact': 'Impact assessment' }}>
 */
export type RecordViews = Readonly<Record<string, RecordView>>;

/** The sections of a view that show for a record in its current state. */
export function shownSections(
  view: RecordView | undefined,
  recordType: RecordType,
  record: ViewedRecord,
): RecordViewSection[] {
  if (!view) return [];
  const context: RecordViewContext = {
    record,
    recordType,
    hasTag: (tag) => stateHasTag(recordType, record.state, tag),
  };
  return view.sections.filter((section) => section.when?.(context) ?? true);
}
