import { defaultRoles } from '@masetra/core';
import type { Kysely } from 'kysely';
import type { RolesTable } from './database';

/**
 * Writes core's default roles and their descriptions into the `roles` table. Core is their one
 * source; the first migration seeded older wording, and a migration that has shipped is never
 * edited (an archived database must still upgrade), so every start brings the table to core's.
 * Roles a host added itself are left as they are.
 */
export async function syncDefaultRoles(db: Kysely<unknown>): Promise<void> {
  const rows = Object.entries(defaultRoles).map(([name, description]) => ({ name, description }));
  await db
    .withTables<{ roles: RolesTable }>()
    .insertInto('roles')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column('name')
        .doUpdateSet((eb) => ({ description: eb.ref('excluded.description') }))
        // An unchanged row is not rewritten: no dead tuples on every start.
        .where('roles.description', 'is distinct from', (eb) => eb.ref('excluded.description')),
    )
    .execute();
}
