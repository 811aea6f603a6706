import type { MasetraClient } from '@masetra/client';
import { isProblemError } from '@masetra/client';
import { builtInRegistry, type RecordType, type RecordTypeRegistry, type recordTypes } from '@masetra/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useCallback, useMemo, useState } from 'react';
import type { RecordViews } from '../detail/recordView';
import { en } from '../i18n/en';
import { createFormatters } from '../i18n/format';
import { createLabels } from '../i18n/labels';
import { createTranslator, type MessageOverrides, type Messages } from '../i18n/messages';
import { QmsContext, type QmsContextValue, type QmsPrincipal } from './QmsContext';

/** The themes `styles.css` ships; a host may name its own and style `[data-masetra-theme="…"]`. */
export type QmsThemeName = 'light' | 'dark' | 'brand' | 'system';

/** A theme: its name, and CSS custom properties set on the provider's root. */
export interface QmsTheme {
  name?: QmsThemeName | (string & {});
  /** e.g. `{ '--masetra-color-primary': '#0b5fff' }`. */
  variables?: Readonly<Partial<Record<`--masetra-${string}`, string>>>;
}

export interface QmsProviderProps<TTypes extends Record<string, RecordType> = typeof recordTypes> {
  /** The API client, from `createClient` of `@masetra/client`. */
  client: MasetraClient<TTypes>;
  /** The record types the screens know; the built-in ones by default. Pass the client's own registry. */
  registry?: RecordTypeRegistry<TTypes>;
  /** The signed-in user. Without one, the screens read but offer no lifecycle moves. */
  principal?: QmsPrincipal;
  /** A theme name (`light`, `dark`, `brand`, `system`) or a theme with CSS variables. */
  theme?: QmsThemeName | QmsTheme;
  /** BCP 47 locale of dates and numbers, e.g. `de-DE`. Default `en`. */
  locale?: string;
  /** The time zone dates are shown in; the browser's by default. Fix it to render the same on server and client. */
  timeZone?: string;
  /**
   * The message catalog (`en` by default; `de` is exported too) or overrides of single
   * messages. Pass a complete catalog with `locale`, e.g. `messages={de} locale="de-DE"`.
   */
  messages?: Messages | MessageOverrides;
  /** A person's display name for a user id, e.g. from the host's user directory. */
  userName?: (userId: string) => string | undefined;
  /**
   * The host's TanStack Query client, to share one cache with the screens (`@tanstack/react-query`
   * is a peer dependency, so it is the host's own copy); one of the provider's own otherwise.
   */
  queryClient?: QueryClient;
  /** Where dialogs portal to (a shadow root, a host's modal layer); `document.body` by default. */
  portalContainer?: HTMLElement | null;
  /** Render no `masetra-*` class names: the host styles everything through `className`/`classNames`. */
  unstyled?: boolean;
  /**
   * Record pages of the host's own record types (or its own take on a built-in one): by record
   * type name, the sections `RecordDetail` shows beyond the fields, merged over the built-in views.
   */
  views?: RecordViews;
  className?: string;
  children?: ReactNode;
}

const noViews: RecordViews = {};

function isCompleteCatalog(messages: Messages | MessageOverrides): messages is Messages {
  return Object.keys(en).every((key) => Object.hasOwn(messages, key));
}

/**
 * A query client with the defaults the screens expect: no retries of refusals (the HTTP client
 * already retries what is safe), no refetch on focus. A host that keeps its own client for its
 * own queries can start from it and pass it as `queryClient`.
 */
export function createQmsQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failures, error) => failures < 1 && !isProblemError(error),
        refetchOnWindowFocus: false,
      },
    },
  });
}

/**
 * Provides the client, the signed-in principal, the theme and the language to every Masetra
 * component and hook below it, and renders their themed root (`.masetra-root`).
 *
 * @example
 * import '@masetra/react/styles.css';
 * import { QmsProvider, RecordTable, de } from '@masetra/react';
 *
 * <QmsProvider client={qms} principal={me} theme="dark" locale="de-DE" messages={de}>
 *   <RecordTable recordType="deviation" onOpenRecord={(deviation) => navigate(deviation.id)} />
 * </QmsProvider>
 */
export function QmsProvider<TTypes extends Record<string, RecordType> = typeof recordTypes>({
  client,
  registry,
  principal,
  theme,
  locale = 'en',
  timeZone,
  messages,
  userName,
  queryClient,
  portalContainer,
  unstyled = false,
  views = noViews,
  className,
  children,
}: QmsProviderProps<TTypes>) {
  const [ownQueryClient] = useState(createQmsQueryClient);
  const [firstOfSession, setFirstOfSession] = useState(true);
  const markSigned = useCallback(() => setFirstOfSession(false), []);
  const themeName = typeof theme === 'string' ? theme : theme?.name;
  const themeVariables = typeof theme === 'object' ? theme.variables : undefined;

  const value = useMemo<QmsContextValue>(() => {
    const catalog = messages && isCompleteCatalog(messages) ? messages : en;
    const t = createTranslator(catalog, messages && catalog === en ? messages : undefined);
    return {
      client,
      registry: (registry ?? builtInRegistry) as RecordTypeRegistry,
      principal,
      locale,
      t,
      labels: createLabels(t),
      format: createFormatters(locale, timeZone),
      themeName,
      themeVariables: themeVariables as Readonly<Record<string, string>> | undefined,
      portalContainer,
      unstyled,
      views,
      userName: (userId) => userName?.(userId) ?? userId,
      signing: { firstOfSession, markSigned },
    };
  }, [
    client,
    registry,
    principal,
    locale,
    timeZone,
    messages,
    themeName,
    themeVariables,
    portalContainer,
    unstyled,
    views,
    userName,
    firstOfSession,
    markSigned,
  ]);

  return (
    <QueryClientProvider client={queryClient ?? ownQueryClient}>
      <QmsContext.Provider value={value}>
        <div
          className={
            [unstyled ? undefined : 'masetra-root', className].filter(Boolean).join(' ') || undefined
          }
          data-masetra-theme={themeName}
          lang={locale}
          style={themeVariables as CSSProperties | undefined}
        >
          {children}
        </div>
      </QmsContext.Provider>
    </QueryClientProvider>
  );
}
