// The LIMS's server: its own session, sign-in and sample API, with the Masetra QMS mounted at
// /qms. Everything between the two "Masetra" comments is what a host writes to mount the kit.
import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import { builtInRegistry } from '@masetra/core';
import { createPgliteStorage, createPostgresStorage, createQms } from '@masetra/server-kit';
import { toExpress } from '@masetra/server-kit/express';
import express from 'express';
import session from 'express-session';
import { checkPassword, LAB_ORG_ID, type LabUser, labDirectory, labUser, masetraRoles } from './labUsers';
import { samples } from './samples';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    /** Whether the signer gave their user name in this session: later signatures need only the password. */
    hasSigned: boolean;
  }
}

const app = express();
app.disable('x-powered-by');
app.use(
  session({
    secret: process.env.SESSION_SECRET ?? 'northwind-example-only',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax' },
  }),
);

// Masetra: mount the QMS (with the three imports above).
const storage = process.env.DATABASE_URL
  ? createPostgresStorage({ connectionString: process.env.DATABASE_URL })
  : createPgliteStorage({ dataDir: process.env.MASETRA_DATA_DIR || undefined }); // in memory without one
await storage.migrate(builtInRegistry);
const asking = new AsyncLocalStorage<{ user: LabUser; session: express.Request['session'] } | undefined>();
const qms = createQms({
  storage,
  authenticate: () => {
    const { user, session } = asking.getStore() ?? {};
    return user && session ? principalOf(user, session.id) : null;
  },
  verifySigner: ({ password, username }) => verifySigner(asking.getStore(), password, username),
});
app.use('/qms', (req, _res, next) => asking.run(current(req), next), toExpress(qms));
// Masetra: end. Body parsers come after the kit, which reads its own bodies.

function principalOf(user: LabUser, sessionId: string) {
  const roles = masetraRoles[user.labRole];
  return { userId: user.id, displayName: user.name, orgId: LAB_ORG_ID, roles, sessionId };
}

function current(req: express.Request) {
  const user = labUser(req.session.userId);
  return user && { user, session: req.session };
}

/** The LIMS re-checks its own password; a session's first signature needs the user name too (21 CFR 11.200). */
async function verifySigner(
  asker: ReturnType<typeof current>,
  password: string,
  username: string | undefined,
) {
  if (!asker) return { ok: false as const, code: 'invalid_credentials' };
  if (!asker.session.hasSigned && !username) return { ok: false as const, code: 'username_required' };
  const signer = await checkPassword(username ?? asker.user.email, password);
  if (signer?.id !== asker.user.id) return { ok: false as const, code: 'invalid_credentials' };
  asker.session.hasSigned = true;
  return { ok: true as const };
}

app.use(express.json());

app.post('/api/session', async (req, res) => {
  const { email, password } = (req.body ?? {}) as { email?: unknown; password?: unknown };
  const user =
    typeof email === 'string' && typeof password === 'string'
      ? await checkPassword(email, password)
      : undefined;
  if (!user) {
    res.status(401).json({ message: 'E-mail or password is not correct.' });
    return;
  }
  req.session.regenerate((error) => {
    if (error) {
      res.status(500).json({ message: 'The session could not start.' });
      return;
    }
    req.session.userId = user.id;
    res.json(me(user));
  });
});

app.delete('/api/session', (req, res) => {
  req.session.destroy(() => res.status(204).end());
});

app.get('/api/me', (req, res) => {
  const user = labUser(req.session.userId);
  if (user) res.json(me(user));
  else res.status(401).json({ message: 'Not signed in.' });
});

app.get('/api/people', (req, res) => {
  if (!labUser(req.session.userId)) res.status(401).json({ message: 'Not signed in.' });
  else res.json(labDirectory());
});

app.get('/api/samples', (req, res) => {
  if (!labUser(req.session.userId)) res.status(401).json({ message: 'Not signed in.' });
  else res.json(samples);
});

function me(user: LabUser) {
  return { id: user.id, email: user.email, name: user.name, roles: masetraRoles[user.labRole] };
}

// The built client (vite build), with its routes answered by its index page.
const client = fileURLToPath(new URL('../../dist/', import.meta.url));
app.use(express.static(client, { index: false }));
app.get('/{*path}', (_req, res) => res.sendFile('index.html', { root: client }));

const port = Number(process.env.PORT ?? 3100);
const server = app.listen(port, '127.0.0.1', () => console.log(`Northwind LIMS on http://127.0.0.1:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void storage.close()));
}
