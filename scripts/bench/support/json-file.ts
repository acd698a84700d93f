import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Writes `data` as pretty JSON to `path` (relative to the working directory), creating the
 * folder. Non-finite numbers become null (JSON has no NaN). @returns the absolute path
 */
export async function writeJsonFile(path: string, data: unknown): Promise<string> {
  const absolute = resolve(path);
  await mkdir(dirname(absolute), { recursive: true });
  const text = JSON.stringify(data, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? null : value,
  );
  await writeFile(absolute, `${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  return absolute;
}

/** Rounds to `digits` decimals for a report (keeps NaN / Infinity, which become null). */
export const round = (value: number, digits = 2): number =>
  Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : value;
