import type { en } from './en';

/** Every key of the message catalog. */
export type MessageKey = keyof typeof en;

/**
 * A complete message catalog. A locale's catalog is declared with this type, so a missing
 * or misspelt key is a type error:
 *
 * @example
 * import type { Messages } from '@masetra/react';
 * export const fr: Messages = { 'common.loading': 'Chargement…', ... };
 */
export type Messages = { readonly [K in MessageKey]: string };

/**
 * Overrides of some messages, and messages for a host's own record types
 * (`state.<state>`, `event.<EVENT>`, `field.<field>`, `value.<value>`, `type.<name>`).
 */
export type MessageOverrides = Partial<Messages> & Readonly<Record<string, string>>;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The placeholders of one message, read off its English text. */
export type MessageParams<K extends MessageKey> = Placeholders<(typeof en)[K]>;

type ParamsArgument<K extends MessageKey> = [MessageParams<K>] extends [never]
  ? []
  : [params: Record<MessageParams<K>, string | number>];

/** Looks up a message and fills its placeholders. */
export interface Translator {
  <K extends MessageKey>(key: K, ...params: ParamsArgument<K>): string;
  /**
   * A message whose key is built at run time (a state, an event, a field of a host's record
   * type): its text, or `undefined` when the catalog has none.
   */
  optional(key: string, params?: Readonly<Record<string, string | number>>): string | undefined;
}

function fill(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Builds the translator of a catalog, with a host's overrides on top. */
export function createTranslator(messages: Messages, overrides?: MessageOverrides): Translator {
  const lookup = (key: string): string | undefined => {
    if (overrides && Object.hasOwn(overrides, key)) return overrides[key];
    return Object.hasOwn(messages, key) ? messages[key as MessageKey] : undefined;
  };
  const translate = ((key: MessageKey, params?: Record<string, string | number>) =>
    fill(lookup(key) ?? key, params)) as Translator;
  translate.optional = (key, params) => {
    const template = lookup(key);
    return template === undefined ? undefined : fill(template, params);
  };
  return translate;
}
