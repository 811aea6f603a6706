import type { Translator } from './messages';

/** `in_assessment` -> `In assessment`, `SUBMIT_PLAN` -> `Submit plan`, `occurredAt` -> `Occurred at`. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Labels of the domain's words. The catalog has the built-in record types' states, events,
 * fields and values; a host's own record type may add its own (`state.<name>` and so on),
 * and anything left unnamed reads as its identifier, humanized.
 */
export interface Labels {
  recordType(name: string, plural?: boolean): string;
  state(state: string): string;
  event(event: string): string;
  /** A field's label: `field.<type>.<field>` first, so a type may name a shared field its own way. */
  field(recordType: string, field: string): string;
  value(value: string): string;
  /** What a guarded move needs, in the catalog's words, or the machine's own. */
  requires(recordType: string, event: string, fallback?: string): string | undefined;
}

export function createLabels(t: Translator): Labels {
  return {
    recordType: (name, plural = false) =>
      t.optional(`type.${name}${plural ? '.plural' : ''}`) ?? humanize(name),
    state: (state) => t.optional(`state.${state}`) ?? humanize(state),
    event: (event) => t.optional(`event.${event}`) ?? humanize(event),
    field: (recordType, field) =>
      t.optional(`field.${recordType}.${field}`) ?? t.optional(`field.${field}`) ?? humanize(field),
    value: (value) => t.optional(`value.${value}`) ?? humanize(value),
    requires: (recordType, event, fallback) => t.optional(`requires.${recordType}.${event}`) ?? fallback,
  };
}
