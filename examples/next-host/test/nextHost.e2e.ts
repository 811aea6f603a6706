// The Next.js host, built once (`next build`) and started (`next start`) as its README says, walked
// through in Chromium: server components render the shell, Masetra's client components hydrate
// without a warning.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openHostPage, raiseAndApproveDeviation } from '../../test-support/hostFlow';
import { type HostProcess, runScript, startHost } from '../../test-support/hostProcess';

const dir = fileURLToPath(new URL('..', import.meta.url));
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  await runScript(dir, 'build:example', { NEXT_TELEMETRY_DISABLED: '1' });
  // Next.js writes next-env.d.ts on every build; it is git-ignored, and must not trip the lint.
  await rm(join(dir, 'next-env.d.ts'), { force: true });
  [host, browser] = await Promise.all([
    startHost(dir, {
      readyPath: '/sign-in',
      // The other driver: the Express host runs on PGlite, this one on PostgreSQL where CI has it.
      env: { NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: process.env.TEST_DATABASE_URL ?? '' },
    }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test('a LIMS user raises a deviation from a sample and QA approves it with the LIMS password', async () => {
  const { context, page, problems } = await openHostPage(browser, host.origin);
  await raiseAndApproveDeviation(page, 'next-host');
  expect(problems).toEqual([]);
  await context.close();
});
