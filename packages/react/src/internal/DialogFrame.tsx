import * as Dialog from '@radix-ui/react-dialog';
import type { CSSProperties, ReactNode } from 'react';
import { useQms } from '../provider/useQms';
import { type ClassNames, useSlots } from './classNames';

export type DialogSlot = 'root' | 'overlay' | 'content' | 'title' | 'description' | 'body' | 'actions';

/**
 * A Radix dialog in the provider's theme: portalled to the provider's `portalContainer`,
 * with its own `.masetra-root` so the theme's variables reach it outside the provider's tree.
 * Radix traps focus inside and returns it to the opener on close.
 */
export function DialogFrame({
  open,
  onOpenChange,
  title,
  description,
  children,
  className,
  classNames,
  onOpenAutoFocus,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
  className?: string;
  classNames?: ClassNames<DialogSlot>;
  onOpenAutoFocus?: (event: Event) => void;
}) {
  const { portalContainer, themeName, themeVariables, locale, unstyled } = useQms();
  const slots = useSlots<DialogSlot>('dialog', className, classNames);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={portalContainer ?? undefined}>
        <div
          className={unstyled ? undefined : 'masetra-root'}
          data-masetra-theme={themeName}
          lang={locale}
          style={themeVariables as CSSProperties | undefined}
        >
          <Dialog.Overlay className={slots('overlay')} />
          <Dialog.Content className={slots('root')} onOpenAutoFocus={onOpenAutoFocus}>
            <Dialog.Title className={slots('title')}>{title}</Dialog.Title>
            <Dialog.Description className={slots('description')}>{description}</Dialog.Description>
            {children}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
