// The Express + Vite host, built and started as its README says, walked through in Chromium.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, openHostPage, raiseAndApproveDeviation } from '../../test-support/hostFlow';
import { type HostProcess, runScript, startHost } from '../../test-support/hostProcess';

const dir = fileURLToPath(new URL('..', import.meta.url));
let host: HostProcess;
let browser: Browser;

beforeAll(async () => {
  await runScript(dir, 'build:example');
  [host, browser] = await Promise.all([startHost(dir, { readyPath: '/api/me' }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

test('a LIMS user raises a deviation from a sample and QA approves it with the LIMS password', async () => {
  const { context, page, problems } = await openHostPage(browser, host.origin);
  await raiseAndApproveDeviation(page, 'express-host');
  expect(problems).toEqual([]);
  await context.close();
});
