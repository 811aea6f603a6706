import type { Storage } from '../storage/storage';
import { claimOutboxBatch } from './claimOutboxBatch';
import { markOutboxDelivered } from './markOutboxDelivered';
import { markOutboxFailed, type OutboxRetryPolicy } from './markOutboxFailed';
import type { OutboxEvent } from './types';

export interface OutboxWorkerOptions {
  storage: Pick<Storage, 'db'>;
  /**
   * Delivers one event (sends the e-mail, calls the webhook). Throwing means "try again
   * later". Delivery is at least once, so a receiver must tolerate a repeat (use `event.id`).
   */
  deliver: (event: OutboxEvent) => Promise<void>;
  /** Pause between polls when nothing is due; 1 s when left out. */
  pollMs?: number;
  /** Events claimed at a time; 20 when left out. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the event over; 60 s when left out. */
  lockForMs?: number;
  retry?: OutboxRetryPolicy;
  /** Errors of the worker itself (the database went away); it keeps polling. */
  onError?: (error: unknown) => void;
  /** An event failed past `retry.maxAttempts` and waits as a dead letter for an administrator's requeue. */
  onDeadLetter?: (event: OutboxEvent, error: unknown) => void;
}

export interface OutboxDrainResult {
  delivered: number;
  failed: number;
}

export interface OutboxWorker {
  /** Starts polling in the background; a second call does nothing. */
  start(): void;
  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void>;
  /** Delivers everything due now, batch after batch, and says how it went (tests, shutdown, cron). */
  drain(): Promise<OutboxDrainResult>;
}

/**
 * A worker that delivers the outbox: claim a batch, deliver each event, mark it delivered or
 * failed (to be retried with backoff). Run one per process; several processes share one
 * PostgreSQL safely.
 *
 * @example
 * const worker = createOutboxWorker({ storage, deliver: (event) => sendWebhook(event) });
 * worker.start();
 * process.on('SIGTERM', () => worker.stop());
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { storage, deliver } = options;
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 20;
  const lockForMs = options.lockForMs ?? 60_000;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  /** Delivers one claimed batch; returns how many of its events this drain had not failed before. */
  async function deliverBatch(result: OutboxDrainResult, failedBefore: Set<string>): Promise<number> {
    const events = await claimOutboxBatch(storage.db, { limit: batchSize, lockForMs });
    let fresh = 0;
    for (const event of events) {
      if (!failedBefore.has(event.id)) fresh += 1;
      try {
        await deliver(event);
      } catch (error) {
        const { deadLettered } = await markOutboxFailed(storage.db, event.id, error, options.retry);
        if (deadLettered) options.onDeadLetter?.(event, error);
        failedBefore.add(event.id);
        result.failed += 1;
        continue;
      }
      await markOutboxDelivered(storage.db, event.id);
      result.delivered += 1;
    }
    return fresh;
  }

  async function drain(): Promise<OutboxDrainResult> {
    const result = { delivered: 0, failed: 0 };
    // With no backoff configured a failing event is due again at once; seeing only those ends the drain.
    const failedBefore = new Set<string>();
    while ((await deliverBatch(result, failedBefore)) > 0) {}
    return result;
  }

  function pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async function run(): Promise<void> {
    while (running) {
      try {
        await drain();
      } catch (error) {
        options.onError?.(error);
      }
      if (running) await pause();
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
    },
    drain,
  };
}
