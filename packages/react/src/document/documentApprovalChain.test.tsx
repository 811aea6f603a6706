// A document version's action bar: its author may not review it, its reviewer may not approve it.
import type { ControlledDocument } from '@masetra/core';
import { fixtureDocuments, fixtureUsers } from '@masetra/fixtures';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { de } from '../i18n/de';
import { LifecycleActionBar } from '../lifecycle/LifecycleActionBar';
import { renderWithQms } from '../testing/renderWithQms';
import { sopVersions } from './sopVersions.fixtures';

// What reviewers and approvers sign is the content file: a version in review has one.
const { contentFile } = sopVersions.effective;

const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

const button = (name: string) =>
  within(screen.getByRole('list', { name: 'Lifecycle actions' })).getByRole('button', { name });

describe('document approval chain in the action bar', () => {
  it('shows the reviewer of the version the approval barred, naming the role', () => {
    const reviewed: ControlledDocument = {
      ...fixtureDocuments.in_approval,
      contentFile,
      authoredBy: fixtureUsers.dora.id,
      reviewedBy: fixtureUsers.dana.id,
    };
    renderWithQms(<LifecycleActionBar recordType="document" record={reviewed} />, { actor: 'dana' });
    expect(button('Approve').getAttribute('aria-disabled')).toBe('true');
    expect(descriptionOf(button('Approve'))).toBe(
      `As the reviewer of this version, you may not also take this step on ${reviewed.number}: segregation of duties.`,
    );
  });

  it('offers the approval to someone outside the chain', () => {
    const reviewed: ControlledDocument = {
      ...fixtureDocuments.in_approval,
      contentFile,
      authoredBy: fixtureUsers.dora.id,
      reviewedBy: fixtureUsers.rita.id,
    };
    renderWithQms(<LifecycleActionBar recordType="document" record={reviewed} />, { actor: 'dana' });
    expect(button('Approve').getAttribute('aria-disabled')).toBeNull();
  });

  it('shows the author the review barred, in German too', () => {
    const submitted: ControlledDocument = {
      ...fixtureDocuments.in_review,
      contentFile,
      authoredBy: fixtureUsers.rita.id,
    };
    renderWithQms(<LifecycleActionBar recordType="document" record={submitted} />, {
      actor: 'rita',
      messages: de,
      locale: 'de',
    });
    const review = within(screen.getByRole('list')).getByRole('button', { name: 'Prüfung abschließen' });
    expect(review.getAttribute('aria-disabled')).toBe('true');
    expect(descriptionOf(review)).toBe(
      `Als Autor dieser Version dürfen Sie diesen Schritt an ${submitted.number} nicht selbst ausführen: Funktionstrennung.`,
    );
  });
});
