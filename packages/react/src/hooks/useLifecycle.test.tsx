import {
  allFixtureRecords,
  createFakeQmsServer,
  type FakeQmsServerOptions,
  type FixtureUserName,
  fixtureAudits,
  fixtureDeviations,
  fixtureFindings,
} from '@masetra/fixtures';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { QmsFixtureProvider } from '../testing/QmsFixtureProvider';
import { useLifecycle } from './useLifecycle';

function wrapperFor(actor: FixtureUserName, serverOptions: FakeQmsServerOptions = {}) {
  const server = createFakeQmsServer(serverOptions);
  return ({ children }: { children: ReactNode }) => (
    <QmsFixtureProvider actor={actor} server={server}>
      {children}
    </QmsFixtureProvider>
  );
}

const reportingAudit = {
  ...fixtureAudits.in_progress,
  state: 'reporting',
  summary: 'Three findings.',
  report: 'The supplier…',
};

describe('useLifecycle', () => {
  it('offers the machine’s moves this principal’s roles allow, with what each needs', () => {
    const { result } = renderHook(() => useLifecycle('deviation', fixtureDeviations.in_approval), {
      wrapper: wrapperFor('oliver'),
    });
    expect(result.current.moves).toEqual([
      {
        event: 'APPROVE',
        enabled: false,
        needsReason: false,
        signature: 'approval',
        requires: undefined,
        missingFields: [],
        refusal: {
          code: 'segregation_of_duties',
          detail: 'The owner of DEV-2026-0103 may not sign its approval.',
          errors: [],
          role: 'owner',
        },
      },
      expect.objectContaining({ event: 'REJECT', enabled: true, needsReason: true, signature: undefined }),
      expect.objectContaining({ event: 'REQUEST_CANCELLATION', enabled: true, needsReason: true }),
    ]);
    expect(result.current.isFinal).toBe(false);
  });

  it('reports the fields a move lacks', () => {
    const { result } = renderHook(() => useLifecycle('deviation', fixtureDeviations.in_investigation), {
      wrapper: wrapperFor('ines'),
    });
    const submit = result.current.moves.find((move) => move.event === 'SUBMIT_INVESTIGATION')!;
    expect(submit.enabled).toBe(false);
    expect(submit.missingFields.map((issue) => issue.pointer)).toEqual([
      '/rootCause',
      '/impactAssessment',
      '/capaRequired',
    ]);
  });

  it('counts related records for guards: no report while a finding is open', async () => {
    const { result } = renderHook(() => useLifecycle('audit', reportingAudit), {
      wrapper: wrapperFor('dana'),
    });
    await waitFor(() => expect(result.current.isLoadingRelated).toBe(false));
    const issue = result.current.moves.find((move) => move.event === 'ISSUE_REPORT')!;
    expect(issue).toMatchObject({ enabled: false, signature: 'approval', refusal: { code: 'guard_failed' } });
  });

  it('offers the report once every finding is closed', async () => {
    const findingsClosed = allFixtureRecords().map((record) =>
      record.type === 'finding' ? { ...fixtureFindings.closed, ...record, state: 'closed' } : record,
    );
    const { result } = renderHook(() => useLifecycle('audit', reportingAudit), {
      wrapper: wrapperFor('dana', { records: findingsClosed }),
    });
    await waitFor(() =>
      expect(result.current.moves.find((move) => move.event === 'ISSUE_REPORT')?.enabled).toBe(true),
    );
  });

  it('offers nothing without a principal, and knows a final state', () => {
    const { result } = renderHook(() => useLifecycle('deviation', fixtureDeviations.closed), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QmsFixtureProvider actor={null}>{children}</QmsFixtureProvider>
      ),
    });
    expect(result.current).toMatchObject({ moves: [], isFinal: true });
  });
});
