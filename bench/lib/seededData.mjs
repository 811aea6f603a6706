/**
 * Seeded databases to copy from. Seeding through the API takes 15–20 s (argon2 on purpose,
 * and every demo record made by its users), so it happens once per run; each benchmark or
 * fault test then starts from its own copy: a copied PGlite directory or a PostgreSQL
 * database made with `CREATE DATABASE ... TEMPLATE`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdir } from 'node:fs/promises';
import { openDirectDatabase } from './directDatabase.mjs';
import { createDatabase } from './postgres.mjs';
import { startReferenceServer } from './referenceServerProcess.mjs';

export const DEMO_PASSWORD = 'Masetra-demo-1';

/** The demo users, by the role they show; Globex is the second organization. */
export const demoUsers = {
  originator: 'originator@acme.example',
  investigator: 'investigator@acme.example',
  qa: 'qa@acme.example',
  doccontrol: 'doccontrol@acme.example',
  auditor: 'auditor@acme.example',
  viewer: 'viewer@acme.example',
  admin: 'admin@acme.example',
  globexQa: 'qa@globex.example',
  /** Not in the demo seed: added by {@link addGlobexAuditor}. */
  globexAuditor: 'auditor@globex.example',
};

/** A JWT secret for one run; every process of a run shares it. */
export const newJwtSecret = () => randomBytes(48).toString('base64');

/**
 * Globex gets an auditor, so it can own audits and findings too (the demo seed gives it only
 * a QA user, and no API creates a user in another organization). Added with SQL while no
 * server runs, with the password hash of Acme's auditor, so the demo password signs it in.
 */
async function addGlobexAuditor(target) {
  const db = await openDirectDatabase(target);
  try {
    const [globex] = await db.query("SELECT id FROM organizations WHERE name = 'Globex Labs'");
    const [acmeAuditor] = await db.query('SELECT id FROM users WHERE email = $1', [demoUsers.auditor]);
    if (!globex || !acmeAuditor) throw new Error('The demo seed did not create Globex and its users');
    const id = randomUUID();
    await db.query('INSERT INTO users (id, org_id, email, display_name) VALUES ($1, $2, $3, $4)', [
      id,
      globex.id,
      demoUsers.globexAuditor,
      'Gil Auditor',
    ]);
    await db.query("INSERT INTO user_roles (user_id, role) VALUES ($1, 'auditor')", [id]);
    await db.query(
      `INSERT INTO auth_credentials (user_id, password_hash, password_changed_at, password_history, must_change_password)
       SELECT $1, password_hash, password_changed_at, '[]'::jsonb, false FROM auth_credentials WHERE user_id = $2`,
      [id, acmeAuditor.id],
    );
  } finally {
    await db.close();
  }
}

async function seedThroughServer(target, { jwtSecret, logFile }) {
  const server = await startReferenceServer({ ...target, jwtSecret, seed: true, logFile, logLevel: 'warn' });
  await server.stop();
  await addGlobexAuditor(target);
}

/**
 * A seeded PGlite data directory at `dir`.
 *
 * @param {string} dir
 * @param {{ jwtSecret: string, logFile: string }} options
 */
export async function seedPgliteTemplate(dir, options) {
  await mkdir(dir, { recursive: true });
  await seedThroughServer({ dataDir: dir }, options);
}

/**
 * A seeded PostgreSQL database `name`, to be used as a template (no connection may stay open).
 *
 * @param {string} baseUrl any database on the server
 * @param {string} name
 * @param {{ jwtSecret: string, logFile: string, dataDir: string }} options
 * @returns {Promise<string>} the database's URL
 */
export async function seedPostgresTemplate(baseUrl, name, options) {
  const url = await createDatabase(baseUrl, name);
  await mkdir(options.dataDir, { recursive: true });
  await seedThroughServer({ databaseUrl: url, dataDir: options.dataDir }, options);
  return url;
}

/** A copy of a seeded PGlite directory. */
export async function copyPgliteTemplate(templateDir, dir) {
  await cp(templateDir, dir, { recursive: true });
  return dir;
}

/** A database made from a seeded template; returns its URL. */
export function copyPostgresTemplate(baseUrl, template, name) {
  return createDatabase(baseUrl, name, { template });
}
