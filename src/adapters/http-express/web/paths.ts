import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project root (the nearest folder with a package.json above this file), so the same code
 * finds the Pug views and static files whether it runs from `src` (tests) or `dist` (tsc does
 * not copy them).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

const HTTP_EXPRESS = join('src', 'adapters', 'http-express');

export const WEB_PATHS = {
  views: join(projectRoot(), HTTP_EXPRESS, 'views'),
  public: join(projectRoot(), HTTP_EXPRESS, 'public'),
  leaflet: dirname(require.resolve('leaflet/dist/leaflet.js')),
} as const;
