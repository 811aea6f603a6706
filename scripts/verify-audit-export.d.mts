/** Types of verify-audit-export.mjs, for the tests that run it on real exports. */
export type AuditExportVerification =
  | { ok: true; entries: number; firstSeq: number | null; lastSeq: number | null; lastHash: string | null }
  | { ok: false; seq: number; entryId: string | null; problem: string };

export function verifyAuditExport(csvText: string, options?: { head?: string }): AuditExportVerification;
