import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { builtInRegistry, kitRoutes } from '@masetra/core';
import { authRoutes } from '@masetra/core/auth';
import {
  createAuditKey,
  createFileCheckpointStore,
  createLocalFileStore,
  createOutboxWorker,
  createQms,
  createWebhookDelivery,
  EXPORT_JOB_EVENT,
  IMPORT_JOB_EVENT,
  purgeExpiredRows,
  type QmsHandler,
  runScheduledTransitions,
  type Storage,
  WEBHOOK_DELIVERY_EVENT,
} from '@masetra/server-kit';
import { toExpress } from '@masetra/server-kit/express';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { loadAuditKeyPem } from './auditKey';
import { type AuthService, type AuthServiceOptions, createAuthService, migrateAuth } from './auth';
import { accountHandlers, recoveryCodeTrail } from './http/accountHandlers';
import { adminHandlers } from './http/adminHandlers';
import { bearerToken } from './http/authenticateBearer';
import { authHandlers } from './http/authHandlers';
import { errorHandler } from './http/errorHandler';
import { hostRouter } from './http/hostRoutes';
import { createRateLimits, type RateLimits } from './http/rateLimits';
import { createSetupPage } from './http/setupPage';
import { ssoHandlers } from './http/ssoHandlers';
import { redactSecrets } from './logging/redactSecrets';
import { requestLogging } from './logging/requestLogging';
import { createDevMailboxPage } from './mail/devMailbox';
import { LINK_MAIL_EVENT, linkMailDelivery } from './mail/linkMail';
import { devMailboxTransport, type MailTransport, smtpTransport } from './mail/mailTransport';
import { enqueueNoticeMail, NOTICE_MAIL_EVENT, noticeMailDelivery } from './mail/noticeMail';
import { createSso } from './sso/createSso';
import { createUserAdministration, type UserAdministration } from './users/createUserAdministration';
import { createUserDirectory, type UserDirectory } from './users/userDirectory';
import { AMQP_PUBLISH_EVENT, fanOutDomainEvent, publishToBroker } from './workers/domainEventDestinations';

export interface ReferenceServerOptions {
  storage: Storage;
  jwtSecret: Uint8Array;
  /** Attachments are stored below it, in `files/`. */
  dataDir: string;
  /** The built demo app, served at `/` when the folder exists. */
  demoDir?: string;
  logger: Logger;
  /** Test-only tuning of the auth service (a light argon2 cost, a movable clock). */
  authOptions?: Partial<Omit<AuthServiceOptions<unknown>, 'db' | 'jwtSecret'>>;
  /** Sign-in attempts per client address and minute, before 429; default 20. */
  loginRateLimit?: number;
  /** `REDIS_URL`: the rate limits' counters, shared by every replica; in memory when left out. */
  redisUrl?: string;
  /** Prefix of the rate limits' Redis keys (`masetra:rl` by default); tests give each run its own. */
  rateLimitKeyPrefix?: string;
  /** `MASETRA_TRUST_PROXY`, Express's `trust proxy`: whose `X-Forwarded-For` names the client. */
  trustProxy?: boolean | number | string;
  /** `MASETRA_TOTP_KEY`: the keys that seal TOTP secrets, the first current (see `AuthServiceOptions.totpKeys`). */
  totpKeys?: AuthServiceOptions<unknown>['totpKeys'];
  /** PEM of the Ed25519 key that signs audit checkpoints (`MASETRA_AUDIT_KEY`); else a key file in `dataDir`. */
  auditKeyPem?: string;
  /** How invitations and reset links reach people; without it they wait in the outbox. */
  mail?: MailOptions;
  /** `MASETRA_AMQP_URL`: every domain event is also published to this RabbitMQ (`masetra.events`). */
  amqpUrl?: string;
  /** `MASETRA_WEBHOOKS_ALLOW_PRIVATE`: webhook endpoints on loopback and private addresses are allowed. */
  webhooks?: { allowPrivateAddresses?: boolean };
}

export interface MailOptions {
  /** Where people reach the server, for the links in the mail. */
  publicUrl: string;
  /** `MASETRA_SMTP_URL`, e.g. `smtp://127.0.0.1:2525`. */
  smtpUrl?: string;
  /** `MASETRA_MAIL_FROM`. */
  from: string;
  /** Without SMTP, keep mail in the dev mailbox shown at `/mailbox` (the demo only: it shows the links). */
  devMailbox?: boolean;
  /** The language of a recipient who has none of their own; `en` when left out. */
  defaultLocale?: string;
}

export interface ReferenceServer {
  app: Express;
  auth: AuthService;
  users: UserDirectory;
  /** Changes of people's access, each written to the audit trail. */
  administration: UserAdministration;
  qms: QmsHandler;
  storage: Storage;
  /**
   * Starts the background work: outbox delivery (notifications) and the scheduler's sweep
   * (documents whose effective date has come). Returns the function that stops it.
   */
  startBackgroundWork(options?: { sweepEveryMs?: number }): () => Promise<void>;
  /** Delivers what the outbox holds now and runs one sweep; for tests and shutdown. */
  runBackgroundWorkOnce(): Promise<void>;
  /** The sign-in rate limits; `close()` ends their Redis connection at shutdown. */
  rateLimits: RateLimits;
}

const API = '/api/v1';

/**
 * The whole QMS as an Express 5 app, and the worked example of hosting the server kit: the
 * host brings its own authentication (`authenticate`, `verifySigner`) and mounts the kit
 * with `toExpress` — the lines marked "mounting" below are all a vendor needs.
 */
export async function createReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServer> {
  const { storage } = options;
  // Whatever the host's logger does, no token, password or cookie reaches a log line.
  const logger = redactSecrets(options.logger);
  // The auth tables migrate as the schema owner too, so the server's own role owns none of them.
  await storage.migrate(builtInRegistry, { hostMigrations: migrateAuth });
  const mailTransport = mailTransportOf(options.mail, storage);
  const auth = createAuthService({
    db: storage.db,
    jwtSecret: options.jwtSecret,
    totpKeys: options.totpKeys,
    // The owner of a locked account hears of it by e-mail; the sign-in page says no more than
    // "wrong password" (PART11 24).
    lockoutNotice: mailTransport
      ? async (trx, notice) => {
          const user = await trx
            .selectFrom('users')
            .select('org_id')
            .where('id', '=', notice.userId)
            .executeTakeFirst();
          if (!user) return;
          await enqueueNoticeMail(trx, user.org_id, {
            kind: 'account_locked',
            userId: notice.userId,
            source: notice.source,
            scope: notice.scope,
            until: notice.until.toISOString(),
          });
        }
      : undefined,
    // Failures, lockouts and token reuse are what security watches for (PART11 24): warn on them.
    onRecoveryCodeUsed: recoveryCodeTrail,
    onSecurityEvent: (event) =>
      /failed|locked|reuse|revoked/.test(event.type)
        ? logger.warn({ securityEvent: event }, `security event ${event.type}`)
        : logger.info({ securityEvent: event }, `security event ${event.type}`),
    ...options.authOptions,
  });
  // TOTP secrets sealed with an older key (or the JWT-derived one) move onto the current key.
  const resealed = await auth.resealTotpSecrets();
  if (resealed.resealed > 0)
    logger.info({ resealed: resealed.resealed }, 'TOTP secrets resealed with the current key');
  if (resealed.unreadable.length > 0) {
    logger.error(
      { users: resealed.unreadable },
      'TOTP secrets that no key of MASETRA_TOTP_KEY opens: put the key that sealed them back, or reset those authenticators',
    );
  }
  const rateLimits = await createRateLimits({
    signInPerMinute: options.loginRateLimit,
    redisUrl: options.redisUrl,
    keyPrefix: options.rateLimitKeyPrefix,
    onStoreError: (error) =>
      logger.warn({ err: error }, 'rate limit store (Redis) unavailable; counting in memory'),
  });
  const users = createUserDirectory(storage.db);
  const administration = createUserAdministration({ db: storage.db, auth, users });
  // Work a request started and did not wait for (a forgotten-password link); awaited before stopping.
  const backgroundRequests = new Set<Promise<void>>();
  const inBackground = (work: Promise<void>) => {
    const tracked = work
      .catch((error) => logger.error({ err: error }, 'background request work failed'))
      .finally(() => backgroundRequests.delete(tracked));
    backgroundRequests.add(tracked);
  };
  const settleBackgroundRequests = async () => {
    while (backgroundRequests.size > 0) await Promise.all([...backgroundRequests]);
  };

  // mounting: the kit, with this server's auth plugged in through two functions.
  const qms = createQms({
    storage,
    files: createLocalFileStore({ root: join(options.dataDir, 'files') }),
    // Signed checkpoints of the trail, outside the database: a rewrite by its owner shows in verify.
    auditCheckpoints: {
      key: await createAuditKey(await loadAuditKeyPem(options.dataDir, options.auditKeyPem)),
      store: createFileCheckpointStore(join(options.dataDir, 'audit-checkpoints.jsonl')),
    },
    authenticate: async (request) => {
      const token = bearerToken(request.headers.get('authorization'));
      const principal = token ? await auth.verifyAccessToken(token) : null;
      // A user the MFA policy covers is signed in only to enrol an authenticator (the account routes).
      return principal?.mfaEnrolmentRequired ? null : principal;
    },
    verifySigner: (input) => auth.verifySigner(input),
    // Owners, lead auditors and task owners are active users of the caller's organization.
    activeUsers: (orgId, userIds) => users.activeUserIds(orgId, userIds),
    // The organization's name on PDF exports (dossiers, audit trail, management review).
    organizationName: async (orgId) => (await users.organization(orgId))?.name,
    webhooks: { allowPrivateAddresses: options.webhooks?.allowPrivateAddresses ?? false },
    hooks: {
      onEvent: (event) => logger.debug({ event: event.type, record: event.recordNumber }, 'domain event'),
      onError: (error) => logger.error({ err: error }, 'server kit error'),
    },
  });

  const app = express();
  // Which proxies may name the client (X-Forwarded-For): the rate limits and lockouts count per client.
  app.set('trust proxy', options.trustProxy ?? false);
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(requestLogging(logger));

  app.get('/healthz', async (_req, res) => {
    await sql`select 1`.execute(storage.db);
    res.json({ status: 'ok' });
  });

  // The kit's public `openapi` route, answered here so the document lists this server's own routes too.
  app.get(`${API}${kitRoutes.openapi.path}`, (_req, res) => {
    res.json(
      qms.openapi({
        serverUrl: API,
        extraRoutes: Object.values(authRoutes),
        title: 'Masetra QMS reference server',
      }),
    );
  });
  const swaggerUi = createRequire(import.meta.url)
    .resolve('swagger-ui-dist/package.json')
    .replace(/package\.json$/, '');
  app.get('/docs', (_req, res) => res.sendFile(join(import.meta.dirname ?? '', '../static/docs.html')));
  app.use('/docs/assets', express.static(swaggerUi, { index: false }));
  app.use('/docs', express.static(join(import.meta.dirname ?? '', '../static'), { index: false }));
  app.use(createSetupPage(join(import.meta.dirname ?? '', '../static')));
  if (options.mail?.devMailbox && !options.mail.smtpUrl) app.use(createDevMailboxPage(storage.db));

  // The server's own routes, from core's `authRoutes` by route id; `public` says which need no token.
  app.use(
    API,
    hostRouter(auth, {
      ...authHandlers({ auth, users, administration, rateLimits, inBackground }),
      ...adminHandlers({ users, administration }),
      ...accountHandlers({ auth, users, db: storage.db }),
      ...ssoHandlers({
        // Single sign-on: the provider sends the browser back to `<publicUrl>/sso/callback`.
        sso: createSso({
          db: storage.db,
          auth,
          jwtSecret: options.jwtSecret,
          publicUrl: options.mail?.publicUrl ?? 'http://localhost:3000',
          clock: options.authOptions?.clock,
        }),
        auth,
        users,
        signInLimit: rateLimits.signIn,
      }),
    }),
  );
  // mounting: everything else under /api/v1 is the kit's.
  app.use(API, toExpress(qms));

  if (options.demoDir && existsSync(join(options.demoDir, 'index.html'))) {
    const demoDir = options.demoDir;
    app.use(express.static(demoDir, { index: 'index.html', maxAge: '1h' }));
    // The demo routes in the browser: any other page path is the app's.
    app.get(/^\/(?!api\/|docs|healthz).*/, (_req, res) => res.sendFile(join(demoDir, 'index.html')));
  }
  app.use(errorHandler);

  // The broker's client is loaded only when one is configured: a server without it never loads amqplib.
  const broker = options.amqpUrl
    ? (await import('@masetra/server-kit/amqp')).createAmqpPublisher({
        url: options.amqpUrl,
        onConnectionError: (error) =>
          logger.warn(
            { err: error },
            'message broker connection lost; the outbox keeps events until it is back',
          ),
      })
    : undefined;
  // A domain event becomes its in-app notifications and one outbox row per outside destination.
  const fanOut = fanOutDomainEvent(storage.db, builtInRegistry, { broker: broker !== undefined });
  const deliverToBroker = publishToBroker(broker);
  // Each subscribed endpoint's copy is signed and POSTed; past the retry limit its endpoint is disabled.
  const deliverWebhook = createWebhookDelivery({
    db: storage.db,
    allowPrivateAddresses: options.webhooks?.allowPrivateAddresses ?? false,
    // Besides the in-app notice, each administrator gets an e-mail, sent with the disabling or not at all.
    onEndpointDisabled: async (trx, disabled) => {
      for (const userId of disabled.administratorIds) {
        await enqueueNoticeMail(trx, disabled.orgId, {
          kind: 'webhook_disabled',
          userId,
          url: disabled.url,
          reason: disabled.reason,
        });
      }
    },
  });
  const deliverLinkMail = mailTransport
    ? linkMailDelivery({
        db: storage.db,
        transport: mailTransport,
        publicUrl: options.mail?.publicUrl ?? '',
        defaultLocale: options.mail?.defaultLocale,
      })
    : async () => {
        // Kept in the outbox, retried with backoff, until a mail server is configured (after about three
        // days a dead letter, which an administrator requeues at /outbox/dead-letters).
        throw new Error('no mail transport: set MASETRA_SMTP_URL to send invitations and reset links');
      };
  const deliverNoticeMail = mailTransport
    ? noticeMailDelivery({
        db: storage.db,
        transport: mailTransport,
        publicUrl: options.mail?.publicUrl ?? '',
        defaultLocale: options.mail?.defaultLocale,
      })
    : async () => {};
  const outbox = createOutboxWorker({
    storage,
    // Each outbox event type goes to the one piece of work it stands for; any other is a domain
    // event, fanned out to in-app notifications and one row per outside destination.
    deliver: (event) => {
      // Export and import jobs run on this worker; the kit's claim runs each once across processes,
      // and a job whose process died is resumed where it stopped.
      if (event.type === EXPORT_JOB_EVENT)
        return qms.runExportJob((event.payload as { exportId: string }).exportId).then(() => {});
      if (event.type === IMPORT_JOB_EVENT)
        return qms.runImportJob((event.payload as { importId: string }).importId).then(() => {});
      if (event.type === LINK_MAIL_EVENT) return deliverLinkMail(event);
      if (event.type === NOTICE_MAIL_EVENT) return deliverNoticeMail(event);
      if (event.type === AMQP_PUBLISH_EVENT) return deliverToBroker(event);
      if (event.type === WEBHOOK_DELIVERY_EVENT) return deliverWebhook(event);
      return fanOut(event);
    },
    onError: (error) => logger.error({ err: error }, 'outbox worker error'),
    onDeadLetter: (event, error) =>
      logger.error(
        { err: error, outboxEvent: event.id, type: event.type, orgId: event.orgId },
        'outbox event failed past its retry limit: dead-lettered (administrators requeue it at /outbox/dead-letters)',
      ),
  });
  let lastPurge = 0;
  const sweep = async () => {
    const organizations = await storage.db.selectFrom('organizations').select('id').execute();
    const { moved } = await runScheduledTransitions({
      storage,
      registry: builtInRegistry,
      orgIds: organizations.map((organization) => organization.id),
    });
    if (moved > 0) logger.info({ moved }, 'scheduled transitions');
    // Entries written outside the kit's requests (scheduled moves, access changes) get their checkpoint here.
    await qms.auditCheckpointer?.checkpointAll();
    // Full trail verifications whose process died are taken over here.
    await qms.resumeAuditVerifications();
    // Export jobs whose process died are taken over, and files past their retention deleted.
    const exports = await qms.runExportJobs();
    if (exports.ran + exports.purgedFiles > 0) logger.info(exports, 'export jobs swept');
    // Import jobs whose process died half-way are resumed; rows already created are skipped.
    const imports = await qms.runImportJobs();
    if (imports > 0) logger.info({ imports }, 'import jobs swept');
    // Idempotency keys and delivered outbox rows past their retention (`defaultRetention`), once an hour.
    if (Date.now() - lastPurge >= 60 * 60 * 1000) {
      lastPurge = Date.now();
      const purged = await purgeExpiredRows(storage);
      if (purged.idempotencyKeys + purged.deliveredOutbox > 0) logger.info(purged, 'purged expired rows');
    }
  };
  const startBackgroundWork: ReferenceServer['startBackgroundWork'] = ({ sweepEveryMs = 60_000 } = {}) => {
    outbox.start();
    const timer = setInterval(
      () => sweep().catch((error) => logger.error({ err: error }, 'sweep failed')),
      sweepEveryMs,
    );
    timer.unref();
    return async () => {
      clearInterval(timer);
      await settleBackgroundRequests();
      await outbox.stop();
      await broker?.close();
      mailTransport?.close();
    };
  };
  const runBackgroundWorkOnce = async () => {
    await settleBackgroundRequests();
    await sweep();
    await outbox.drain();
  };
  return {
    app,
    auth,
    users,
    administration,
    qms,
    storage,
    startBackgroundWork,
    runBackgroundWorkOnce,
    rateLimits,
  };
}

/** SMTP when configured; else the dev mailbox when asked for (the demo); else none. */
function mailTransportOf(mail: MailOptions | undefined, storage: Storage): MailTransport | undefined {
  if (mail?.smtpUrl) return smtpTransport(mail.smtpUrl, mail.from);
  if (mail?.devMailbox) return devMailboxTransport(storage.db, mail.from);
  return undefined;
}
