/* eslint-disable @typescript-eslint/no-require-imports -- size-limit 11 reads a CommonJS config file */
// Bundle budget: the JavaScript the page loads before anything else (the entry script and the
// chunks it preloads), gzipped, after `vite build`. Lazy chunks and workers are not in it.
const { existsSync, readFileSync } = require('node:fs');

if (!existsSync('dist/index.html'))
  throw new Error('Run `npx vite build` before size-limit: dist/index.html is missing.');
const html = readFileSync('dist/index.html', 'utf8');
const initial = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g),
].map((m) => `dist/${m[1]}`);
if (initial.length === 0) throw new Error('No initial script found in dist/index.html');

module.exports = [{ name: 'initial JS (entry + preloaded chunks, gzip)', path: initial, limit: '250 kB', gzip: true }];
