import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pug from 'pug';

/** Compiles Pug templates once (when caching) and renders them with their locals. */
export class Views {
  private readonly compiled = new Map<string, pug.compileTemplate>();

  constructor(
    private readonly dir: string,
    private readonly cache: boolean,
  ) {}

  render(name: string, locals: Record<string, unknown>): string {
    let template = this.cache ? this.compiled.get(name) : undefined;
    if (!template) {
      template = pug.compileFile(join(this.dir, `${name}.pug`), { basedir: this.dir });
      if (this.cache) this.compiled.set(name, template);
    }
    return template(locals);
  }
}

/** `/assets/<file>?v=<content hash>`: a file's URL changes with its content, so it can be cached for a year. */
export function versionedAssets(publicDir: string, files: readonly string[], leafletVersion: string) {
  const urls: Record<string, string> = {};
  for (const file of files) {
    const hash = createHash('sha256')
      .update(readFileSync(join(publicDir, file)))
      .digest('hex')
      .slice(0, 10);
    urls[file] = `/assets/${file}?v=${hash}`;
  }
  urls['leaflet.js'] = `/assets/vendor/leaflet/leaflet.js?v=${leafletVersion}`;
  urls['leaflet.css'] = `/assets/vendor/leaflet/leaflet.css?v=${leafletVersion}`;
  return urls;
}
