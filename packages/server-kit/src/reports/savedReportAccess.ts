import type { Principal, SavedReport } from '@masetra/core';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../storage/database';
import { fromSavedReportRow } from './savedReportRow';
import { type SavedReportTables, withSavedReports } from './savedReportTables';

/** Administrators see and change every saved report of their organization: they look after them. */
export function administersSavedReports(principal: Principal): boolean {
  return principal.roles.includes('admin');
}

/** Who may change or delete a saved report: its creator, or an administrator. */
export function mayChangeSavedReport(principal: Principal, report: Pick<SavedReport, 'createdBy'>): boolean {
  return report.createdBy === principal.userId || administersSavedReports(principal);
}

/** Whether the principal sees a report: its creator, a holder of a role it is shared with, an administrator. */
function visibleTo(principal: Principal) {
  return (eb: ExpressionBuilder<Database & SavedReportTables, 'saved_reports'>): Expression<SqlBool> => {
    if (administersSavedReports(principal)) return sql<SqlBool>`true`;
    const shared =
      principal.roles.length === 0
        ? sql<SqlBool>`false`
        : sql<SqlBool>`EXISTS (SELECT 1 FROM jsonb_array_elements_text(shared_with_roles) AS shared(role)
            WHERE shared.role IN (${sql.join([...principal.roles])}))`;
    return eb.or([eb('created_by', '=', principal.userId), shared]);
  };
}

/** The saved reports the principal sees in its organization, by name. */
export async function listVisibleSavedReports(
  db: Kysely<Database>,
  principal: Principal,
): Promise<SavedReport[]> {
  const rows = await withSavedReports(db)
    .selectFrom('saved_reports')
    .selectAll()
    .where('org_id', '=', principal.orgId)
    .where(visibleTo(principal))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(fromSavedReportRow);
}

/** One saved report the principal sees; undefined for another organization's or one not shared with it. */
export async function findVisibleSavedReport(
  db: Kysely<Database>,
  principal: Principal,
  id: string,
): Promise<SavedReport | undefined> {
  const row = await withSavedReports(db)
    .selectFrom('saved_reports')
    .selectAll()
    .where('org_id', '=', principal.orgId)
    .where('id', '=', id)
    .where(visibleTo(principal))
    .executeTakeFirst();
  return row && fromSavedReportRow(row);
}
