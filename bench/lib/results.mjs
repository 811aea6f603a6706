/**
 * Figures of a benchmark: each an absolute number and its ratio to a baseline measured in the
 * same run on the same machine. Written to bench/results/<name>.json, and printed one line
 * per figure.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './workspace.mjs';

export const resultsDir = join(repoRoot, 'bench/results');

/**
 * @typedef {object} Figure
 * @property {string} name e.g. `api.postgres.list`
 * @property {string} unit of `value`: `req/s`, `ms`, `entries/s`
 * @property {number} value
 * @property {string} baselineName what the baseline is
 * @property {number} baseline the baseline's value, same unit
 * @property {number} ratio value / baseline
 * @property {Record<string, unknown>} [details] p50, p99, errors, ...
 */

/**
 * @param {Omit<Figure, 'ratio'>} figure
 * @returns {Figure}
 */
export function figure(figure) {
  return { ...figure, ratio: figure.baseline === 0 ? Number.NaN : figure.value / figure.baseline };
}

const number = (value) =>
  value >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value >= 10
      ? value.toFixed(1)
      : value.toFixed(2);

/** One line: name, value, the details that matter, the baseline and the ratio. */
export function summaryLine(figure) {
  const details = figure.details ?? {};
  const latency =
    details.p50 !== undefined ? `  p50 ${number(details.p50)} ms  p99 ${number(details.p99)} ms` : '';
  const errors =
    details.errors || details.non2xx ? `  errors ${details.errors ?? 0} non-2xx ${details.non2xx ?? 0}` : '';
  return (
    `${figure.name.padEnd(34)} ${`${number(figure.value)} ${figure.unit}`.padStart(18)}${latency}${errors}` +
    `  | ${figure.baselineName} ${number(figure.baseline)} ${figure.unit}  ratio ${figure.ratio.toFixed(2)}`
  );
}

/** The machine the figures were measured on: a figure means little without it. */
export function machine() {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))),
  };
}

/**
 * @param {string} name
 * @param {{ figures: Figure[], notes?: string[], seconds: number, [key: string]: unknown }} result
 */
export async function writeResult(name, result) {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ name, measuredAt: new Date().toISOString(), machine: machine(), ...result }, null, 2)}\n`,
  );
  return file;
}
