import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';

/** The `seq` of the organization's newest entry (0 before the first): where an export of the trail ends. */
export async function auditTrailHeadSeq(db: Kysely<Database>, orgId: string): Promise<number> {
  const head = await db
    .selectFrom('audit_chain_heads')
    .select('seq')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(head?.seq ?? 0);
}
