// How the server hands the workspace to a browser: the single page with the pages' own CSP on
// "/" and the page routes, the embedded assets cached by their hashed names, the API's own
// headers unchanged, and the council's name written in as text.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repo, startServer } from './support.mjs';

const pageCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

let server;
before(async () => {
  server = await startServer();
});
after(async () => server?.stop());

test('the page routes answer the single page with the pages\' CSP', async () => {
  for (const route of ['', 'sign-in', 'maps', 'maps/new', 'maps/0123456789abcdef0123456789abcdef']) {
    const response = await fetch(server.url + route);
    assert.equal(response.status, 200, route);
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8', route);
    assert.equal(response.headers.get('content-security-policy'), pageCsp, route);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const html = await response.text();
    assert.match(html, /<meta name="peermap-council" content="Testshire Council">/);
    // Nothing inline for the CSP to refuse: scripts and styles come from /assets/ only.
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc="\/assets\/)[^>]*>/);
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
    assert.doesNotMatch(html, /GDS Transport|govuk-crest|crown/i);
  }
});

test('assets are served with their types and cached by their hashed names', async () => {
  const html = await (await fetch(server.url)).text();
  const names = [...html.matchAll(/(?:src|href)="(\/assets\/app-[0-9a-f]{12}\.(js|css))"/g)];
  assert.equal(names.length, 2, 'one script and one style sheet');
  for (const [, name, ext] of names) {
    const response = await fetch(server.url + name.slice(1));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const body = await response.text();
    assert.ok(body.length > 1000);
    if (ext === 'js') {
      assert.ok(!/\beval\(|new Function\(/.test(body), 'no eval in the bundle');
      assert.ok(!/localStorage|sessionStorage|indexedDB/.test(body), 'no browser storage in the bundle');
    } else {
      assert.ok(!/GDS Transport|url\(/.test(body), 'no GOV.UK fonts or images');
    }
  }
  assert.equal((await fetch(`${server.url}assets/app-000000000000.js`)).status, 404);
});

test('the API keeps its own headers and JSON errors', async () => {
  const response = await fetch(`${server.url}api/maps`);
  assert.equal(response.status, 401);
  assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const unknown = await fetch(`${server.url}no-such-page`);
  assert.equal(unknown.status, 404);
  assert.equal(unknown.headers.get('content-type'), 'application/json');
  // A write is never answered with the page.
  assert.equal((await fetch(server.url, { method: 'POST' })).headers.get('content-type'), 'application/json');
});

test('the workspace\'s own code puts user strings in as text only and stores nothing', () => {
  const dir = path.join(repo, 'web/src');
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.(ts|tsx)$/.test(f));
  assert.ok(files.length >= 10);
  for (const file of files) {
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const banned of [/innerHTML/, /dangerouslySetInnerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/,
      /localStorage/, /sessionStorage/, /indexedDB/, /\beval\(/, /new Function/, /console\.(log|info|debug)/]) {
      assert.ok(!banned.test(code), `${file} uses ${banned}`);
    }
  }
});
