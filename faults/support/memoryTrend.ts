/**
 * Whether a server's memory stays flat, judged from its RSS (/proc/<pid>/status) sampled
 * during a run that follows a warm-up.
 *
 * RSS is a coarse signal, and a warm server still grows for a while without leaking: V8
 * enlarges its heap in steps until it settles (measured on the reference server under
 * malformed requests on PostgreSQL: +54, +9, +3 MiB over three successive 10,000 requests),
 * and on PGlite PostgreSQL's 128 MiB buffer pool lives in the process and takes RSS as pages
 * are first touched. What a leak does and these do not is keep growing at the same rate. So
 * the run's second half must grow by less than {@link SECOND_HALF_TOLERANCE_KIB} — comparing
 * medians of five samples, since one sample can land on either side of a collection (±20 MiB
 * seen) — and the whole run by less than {@link TOTAL_TOLERANCE_KIB}.
 */

/** 24 MiB over half a run: a leak of ~5 KiB per request of a 10,000-request run shows. */
export const SECOND_HALF_TOLERANCE_KIB = 24 * 1024;
/** 64 MiB over the whole run: room for the settling described above, not for a steady leak. */
export const TOTAL_TOLERANCE_KIB = 64 * 1024;

export interface MemoryTrend {
  warmKib: number;
  samplesKib: number[];
  /** Median of the last five samples minus the RSS after warm-up. */
  totalGrowthKib: number;
  /** Median of the last five samples minus the median of the five around the middle. */
  secondHalfGrowthKib: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function memoryTrend(warmKib: number, samplesKib: number[]): MemoryTrend {
  if (samplesKib.length < 10) throw new Error(`${samplesKib.length} RSS samples: at least 10 are needed`);
  const middle = Math.floor(samplesKib.length / 2);
  const end = median(samplesKib.slice(-5));
  return {
    warmKib,
    samplesKib,
    totalGrowthKib: end - warmKib,
    secondHalfGrowthKib: end - median(samplesKib.slice(middle - 2, middle + 3)),
  };
}

export const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;

export function describeTrend(trend: MemoryTrend): string {
  return (
    `RSS after warm-up ${mib(trend.warmKib)}; samples ${trend.samplesKib.map((kib) => (kib / 1024).toFixed(0)).join(' ')} MiB; ` +
    `growth ${mib(trend.totalGrowthKib)} in all, ${mib(trend.secondHalfGrowthKib)} in the second half`
  );
}
