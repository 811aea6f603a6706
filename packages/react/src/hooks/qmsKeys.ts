/**
 * TanStack Query keys of everything the components fetch, so a host can invalidate or
 * prefetch them: `queryClient.invalidateQueries({ queryKey: qmsKeys.records('deviation') })`.
 */
export const qmsKeys = {
  all: ['masetra'] as const,
  allRecords: () => ['masetra', 'records'] as const,
  records: (recordType: string) => ['masetra', 'records', recordType] as const,
  list: (recordType: string, query: object) => ['masetra', 'records', recordType, 'list', query] as const,
  record: (recordType: string, id: string) => ['masetra', 'records', recordType, 'record', id] as const,
  auditTrail: (recordType: string, id: string) =>
    ['masetra', 'records', recordType, 'record', id, 'audit-trail'] as const,
  signatures: (recordType: string, id: string) =>
    ['masetra', 'records', recordType, 'record', id, 'signatures'] as const,
  attachments: (recordType: string, id: string) =>
    ['masetra', 'records', recordType, 'record', id, 'attachments'] as const,
  comments: (recordType: string, id: string) =>
    ['masetra', 'records', recordType, 'record', id, 'comments'] as const,
  related: (recordType: string, id: string) =>
    ['masetra', 'records', recordType, 'record', id, 'related'] as const,
  report: (recordType: string, query: object) => ['masetra', 'records', recordType, 'report', query] as const,
  kpis: (period: object) => ['masetra', 'reports', 'kpis', period] as const,
  savedReports: () => ['masetra', 'reports', 'saved'] as const,
  chainVerification: () => ['masetra', 'audit-trail', 'verify'] as const,
  notifications: () => ['masetra', 'notifications'] as const,
};
