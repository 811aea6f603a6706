// Test support: renders a component inside a provider on the fake server, and checks accessibility with axe.

import {
  createFakeQmsServer,
  type FakeQmsServer,
  type FakeQmsServerOptions,
  type FixtureUserName,
  fixtureUsers,
} from '@masetra/fixtures';
import { type RenderResult, render } from '@testing-library/react';
import axe from 'axe-core';
import type { ReactElement } from 'react';
import { QmsFixtureProvider, type QmsFixtureProviderProps } from './QmsFixtureProvider';

export interface RenderWithQmsOptions extends Omit<QmsFixtureProviderProps, 'server' | 'children'> {
  server?: FakeQmsServer;
  serverOptions?: FakeQmsServerOptions;
}

export function renderWithQms(
  ui: ReactElement,
  { server, serverOptions, actor = 'dana', ...providerProps }: RenderWithQmsOptions = {},
): RenderResult & { server: FakeQmsServer } {
  const fakeServer =
    server ?? createFakeQmsServer({ ...serverOptions, actorId: fixtureUsers[actor as FixtureUserName]?.id });
  const result = render(
    <QmsFixtureProvider server={fakeServer} actor={actor} {...providerProps}>
      {ui}
    </QmsFixtureProvider>,
  );
  return { ...result, server: fakeServer };
}

/** Serious and critical axe violations in a rendered tree (colour contrast needs a real browser). */
export async function seriousViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}
