#!/usr/bin/env node
/** `masetra`: the reference server's command line (`pnpm masetra …` from the repository root). */
import { runCli } from './runCli';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
