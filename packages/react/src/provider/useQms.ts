import { useContext } from 'react';
import { QmsContext, type QmsContextValue } from './QmsContext';

/**
 * The provider's client, registry, principal, translator and formatters.
 *
 * @example
 * const { t, format, principal } = useQms();
 */
export function useQms(): QmsContextValue {
  const value = useContext(QmsContext);
  if (!value) throw new Error('Masetra components and hooks must be rendered inside <QmsProvider>.');
  return value;
}
