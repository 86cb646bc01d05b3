/** A bench module: `npm run bench` runs each and prints their rows in one table. */
export type Cell = string | number | null;
export type Row = { bench: string; variant: string } & Record<string, Cell>;

export interface BenchModule {
  name: string;
  run(): Promise<Row[]>;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const round = (n: number, digits = 0) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
