import { findHostObjectKind, type HostRef, hostObjectHref, hostObjectLabel } from '@masetra/core';
import { useQms } from '../provider/useQms';

export interface HostObjectLinkProps {
  host: HostRef;
  className?: string;
}

/** The text a host object is shown by: its declared kind's label and its id, or the link's own label. */
export function useHostObjectName(): (host: HostRef) => string {
  const { t, registry, locale } = useQms();
  return (host) => {
    const kind = findHostObjectKind(registry.hostObjectKinds, host);
    if (kind) return t('links.hostObjectOf', { kind: hostObjectLabel(kind, locale), id: host.id });
    return host.label ?? t('links.hostObject', { ...host });
  };
}

/**
 * An object of the host system (a batch, a sample) as a link into the host's own application,
 * where the host declared its kind with an `href`; as text otherwise. The host's own label of
 * the object, when the link carries one, is its title.
 */
export function HostObjectLink({ host, className }: HostObjectLinkProps) {
  const { registry } = useQms();
  const name = useHostObjectName()(host);
  const kind = findHostObjectKind(registry.hostObjectKinds, host);
  const href = kind ? hostObjectHref(kind, host) : undefined;
  const title = host.label && host.label !== name ? host.label : undefined;
  if (!href) {
    return (
      <strong className={className} title={title}>
        {name}
      </strong>
    );
  }
  return (
    <a
      className={className}
      href={href}
      title={title}
      data-host-system={host.system}
      data-host-kind={host.kind}
    >
      {name}
    </a>
  );
}
