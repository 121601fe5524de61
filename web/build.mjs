// Bundles the workspace: esbuild for TypeScript + Preact, dart-sass for GOV.UK Frontend (with
// Arial, none of GOV.UK's fonts or images). Writes OUT/index.html, OUT/assets/app-HASH.{js,css}
// and OUT/manifest.txt (the files src/server/embed_web.cmake puts into the binary).
//   node build.mjs [OUT]   (default web/dist)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import * as sass from 'sass';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] ?? path.join(here, 'dist'));
const started = performance.now();

const [script, style] = await Promise.all([
  esbuild.build({
    entryPoints: [path.join(here, 'src/main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  }),
  compiledStyles(),
]);

// Sass takes seconds for GOV.UK Frontend, esbuild milliseconds: the CSS is kept, keyed by the
// styles and the lock file, so a change to the code alone rebuilds in well under a second.
async function compiledStyles() {
  const key = createHash('sha256');
  for (const name of readdirSync(path.join(here, 'styles')).sort()) {
    key.update(name).update(readFileSync(path.join(here, 'styles', name)));
  }
  key.update(readFileSync(path.join(here, 'package-lock.json')));
  const cached = path.join(here, 'node_modules/.cache/peermap', `${key.digest('hex').slice(0, 16)}.css`);
  if (existsSync(cached)) return { css: readFileSync(cached, 'utf8') };
  const result = await sass.compileAsync(path.join(here, 'styles/app.scss'), {
    style: 'compressed',
    loadPaths: [path.join(here, 'node_modules')],
    quietDeps: true,
    logger: sass.Logger.silent,
  });
  mkdirSync(path.dirname(cached), { recursive: true });
  writeFileSync(cached, result.css);
  return result;
}

const hashed = (text, ext) =>
  `assets/app-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.${ext}`;
const js = script.outputFiles[0].text;
const css = style.css;
const files = new Map([
  [hashed(js, 'js'), js],
  [hashed(css, 'css'), css],
]);
const [jsName, cssName] = [...files.keys()];
// {{COUNCIL_NAME}} is written in by the server (src/server/web_assets.cpp), as HTML text.
const page = readFileSync(path.join(here, 'src/index.html'), 'utf8')
  .replace('{{SCRIPT}}', `/${jsName}`)
  .replace('{{STYLE}}', `/${cssName}`);
files.set('index.html', page);

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'assets'), { recursive: true });
for (const [name, text] of files) writeFileSync(path.join(out, name), text);
writeFileSync(path.join(out, 'manifest.txt'), [...files.keys()].join('\n') + '\n');

const kb = (text) => (Buffer.byteLength(text) / 1024).toFixed(1);
const gz = (text) => (gzipSync(text, { level: 9 }).length / 1024).toFixed(1);
console.log(
  `web: ${jsName} ${kb(js)} kB (${gz(js)} kB gzipped), ${cssName} ${kb(css)} kB (${gz(css)} kB gzipped), ` +
    `total ${gz(js + css)} kB gzipped, in ${Math.round(performance.now() - started)} ms`,
);
