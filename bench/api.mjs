/**
 * API benchmark: the reference server under autocannon on PGlite and on PostgreSQL — list a
 * page of 50, get one, create, transition — each against the bare baseline server
 * (lib/baselineServer.mjs) running the same SQL on the same data, right after it. Signed
 * transitions are timed on their own, against argon2id verification of the same password
 * hash in this process: that cost is on purpose.
 */
import { join } from 'node:path';
import { asUser, deviationInput, login } from './lib/api.mjs';
import { openDirectDatabase } from './lib/directDatabase.mjs';
import { runLoad, settleDeviations, transitionRequest } from './lib/loadGenerator.mjs';
import { startReferenceServer, startServerProcess } from './lib/referenceServerProcess.mjs';
import { figure } from './lib/results.mjs';
import { DEMO_PASSWORD, demoUsers } from './lib/seededData.mjs';
import { loadArgon2, loadServerKit, repoRoot } from './lib/workspace.mjs';

const CONNECTIONS = 10;
const WARM_UP_SECONDS = 2;
const SECONDS = 6;
/** Deviations the transition runs move: more than connections. */
const MOVED_DEVIATIONS = 3 * CONNECTIONS;
/** Created before the runs, so a list page is full (50) from the start. */
const CREATED_BEFORE = 60;
const SIGNED_TRANSITIONS = 15;
const API = '/api/v1';

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The four measured routes against one server: a warm-up, then the measured run. */
async function measureRoutes(server, token, getId, deviations, readDeviation) {
  const headers = { authorization: `Bearer ${token}` };
  const routes = {
    list: () => [{ method: 'GET', path: `${API}/deviations?limit=50` }],
    get: () => [{ method: 'GET', path: `${API}/deviations/${getId}` }],
    create: () => [
      {
        method: 'POST',
        path: `${API}/deviations`,
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(deviationInput('Benchmark create')),
      },
    ],
    transition: () => [transitionRequest(deviations, API)],
  };
  const results = {};
  for (const [route, requests] of Object.entries(routes)) {
    if (route === 'transition') await settleDeviations(readDeviation, deviations);
    await runLoad({
      url: server.origin,
      connections: CONNECTIONS,
      duration: WARM_UP_SECONDS,
      headers,
      requests: requests(),
    });
    if (route === 'transition') await settleDeviations(readDeviation, deviations);
    results[route] = await runLoad({
      url: server.origin,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers,
      requests: requests(),
    });
  }
  return results;
}

/** APPROVE of a minor deviation in approval, signed: the time of that one request. */
async function signedTransitions(apiUrl, originator, qa) {
  const times = [];
  for (let index = 0; index < SIGNED_TRANSITIONS; index += 1) {
    // The originator raises it; QA, not its owner, may approve it (segregation of duties).
    let deviation = (await originator.post('/deviations', deviationInput(`Signed ${index}`))).json;
    deviation = (
      await originator.post(
        `/deviations/${deviation.id}/transitions`,
        { event: 'SUBMIT' },
        { 'if-match': '"1"' },
      )
    ).json;
    deviation = (
      await qa.post(
        `/deviations/${deviation.id}/transitions`,
        { event: 'SUBMIT_ASSESSMENT' },
        { 'if-match': `"${deviation.version}"` },
      )
    ).json;
    let status = 0;
    times.push(
      await timed(async () => {
        const approved = await qa.post(
          `/deviations/${deviation.id}/transitions`,
          {
            event: 'APPROVE',
            signature: { username: demoUsers.qa, password: DEMO_PASSWORD, meaning: 'approval' },
          },
          { 'if-match': `"${deviation.version}"` },
        );
        status = approved.status;
      }),
    );
    if (status !== 200) throw new Error(`signed APPROVE answered ${status} on ${apiUrl}`);
  }
  return times;
}

/** argon2id verification of the password against the same stored hash, in this process. */
async function argon2Verifications(passwordHash) {
  const { verify } = loadArgon2();
  await verify(passwordHash, DEMO_PASSWORD);
  const times = [];
  for (let index = 0; index < SIGNED_TRANSITIONS; index += 1) {
    times.push(await timed(() => verify(passwordHash, DEMO_PASSWORD)));
  }
  return times;
}

async function verifyChain(target) {
  const { createPgliteStorage, createPostgresStorage, verifyAuditChain } = await loadServerKit();
  const storage = target.databaseUrl
    ? createPostgresStorage({ connectionString: target.databaseUrl })
    : createPgliteStorage({ dataDir: join(target.dataDir, 'pglite') });
  try {
    const organizations = await storage.db.selectFrom('organizations').select('id').execute();
    return await Promise.all(
      organizations.map((organization) => verifyAuditChain(storage.db, organization.id)),
    );
  } finally {
    await storage.close();
  }
}

async function benchmarkBackend(context, backend) {
  const target = await context.freshDatabase(backend, `api_${backend}`);
  const driver = backend === 'postgres' ? 'pg' : 'PGlite';
  context.log(`api: ${backend}: reference server`);
  const server = await startReferenceServer({
    ...target,
    jwtSecret: context.jwtSecret,
    logFile: join(target.dataDir, 'server.log'),
  });
  let reference;
  let signed;
  let token;
  let getId;
  const deviations = [];
  try {
    const qaSession = await login(server.apiUrl, demoUsers.qa);
    token = qaSession.accessToken;
    const qa = asUser(server.apiUrl, token);
    const originator = asUser(server.apiUrl, (await login(server.apiUrl, demoUsers.originator)).accessToken);
    for (let index = 0; index < CREATED_BEFORE; index += 1) {
      const created = (await qa.post('/deviations', deviationInput(`Listed ${index}`))).json;
      if (index < MOVED_DEVIATIONS) deviations.push(created);
    }
    getId = deviations[0].id;
    reference = await measureRoutes(
      server,
      token,
      getId,
      deviations,
      async (id) => (await qa.get(`/deviations/${id}`)).json,
    );
    signed = await signedTransitions(server.apiUrl, originator, qa);
  } finally {
    await server.stop();
  }

  context.log(`api: ${backend}: baseline`);
  const baselineServer = await startServerProcess({
    script: join(repoRoot, 'bench/lib/baselineServer.mjs'),
    logFile: join(target.dataDir, 'baseline.log'),
    env: {
      MASETRA_JWT_SECRET: context.jwtSecret,
      ...(target.databaseUrl
        ? { DATABASE_URL: target.databaseUrl }
        : { PGLITE_DIR: join(target.dataDir, 'pglite') }),
    },
  });
  let baseline;
  try {
    const bare = asUser(baselineServer.apiUrl, token);
    baseline = await measureRoutes(
      baselineServer,
      token,
      getId,
      deviations,
      async (id) => (await bare.get(`/deviations/${id}`)).json,
    );
  } finally {
    await baselineServer.stop();
  }

  const db = await openDirectDatabase(target);
  let passwordHash;
  try {
    [{ password_hash: passwordHash }] = await db.query(
      'SELECT password_hash FROM auth_credentials c JOIN users u ON u.id = c.user_id WHERE u.email = $1',
      [demoUsers.qa],
    );
  } finally {
    await db.close();
  }
  const argon2 = await argon2Verifications(passwordHash);
  const chains = await verifyChain(target);

  const figures = Object.keys(reference).map((route) =>
    figure({
      name: `api.${backend}.${route}`,
      unit: 'req/s',
      value: reference[route].rps,
      baselineName: `bare node:http + ${driver}`,
      baseline: baseline[route].rps,
      details: {
        p50: reference[route].p50,
        p99: reference[route].p99,
        errors: reference[route].errors,
        non2xx: reference[route].non2xx,
        requests: reference[route].requests,
        baselineP50: baseline[route].p50,
        baselineP99: baseline[route].p99,
        baselineErrors: baseline[route].errors,
        baselineNon2xx: baseline[route].non2xx,
      },
    }),
  );
  figures.push(
    figure({
      name: `api.${backend}.transition-signed`,
      unit: 'ms',
      value: percentile(signed, 50),
      baselineName: 'argon2id verify of the same hash, in-process',
      baseline: percentile(argon2, 50),
      details: {
        p50: percentile(signed, 50),
        p99: Math.max(...signed),
        argon2P50: percentile(argon2, 50),
        count: signed.length,
      },
    }),
  );
  return {
    figures,
    chainsVerify: chains.map((chain) => ({ ok: chain.ok, entries: chain.entries })),
  };
}

/** @param {import('./run.mjs').BenchContext} context */
export async function run(context) {
  const figures = [];
  const chains = {};
  const notes = [
    `autocannon, ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up then ${SECONDS} s per route; the baseline runs right after the reference server on the same data.`,
    'The baseline checks the token and runs the same SQL statements as the reference server, with node:http and the driver alone; on PGlite it uses PGlite directly on the same data directory.',
    'transition: REQUEST_CANCELLATION and REJECT_CANCELLATION in turn, each connection on a deviation nobody else moves (no signature).',
    'transition-signed: sequential signed APPROVE requests (p50 ms) against argon2id verification of the same hash in this process (p50 ms).',
  ];
  for (const backend of context.backends) {
    const result = await benchmarkBackend(context, backend);
    figures.push(...result.figures);
    chains[backend] = result.chainsVerify;
    if (result.chainsVerify.some((chain) => !chain.ok))
      notes.push(`The audit chain did not verify after the ${backend} run.`);
  }
  return { figures, notes, auditChainsAfterward: chains };
}
