// What every browser test needs: a real `peermap serve` on a real temporary SQLite file (users
// made with `peermap user add`, examples with `peermap map import`), Debian's chromium driven
// by playwright-core (never a downloaded browser), axe in every state, and screenshots.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const binary = process.env.PEERMAP_BIN ?? path.join(repo, 'build/release/peermap');
export const password = 'correct horse battery staple';
export const council = 'Testshire Council';

/** Runs the peermap command line (user add, map import ...); its output, or the test fails. */
export function run(args, input) {
  const result = spawnSync(binary, args, { input, encoding: 'utf8' });
  assert.equal(result.status, 0, `peermap ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Starts a server with users `practitioner` (team "Exploitation Team") and `outsider` (team
 * "Youth Service"); `imports` are example files imported as the practitioner.
 */
export async function startServer({ imports = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'peermap-web-'));
  const db = `sqlite:${path.join(dir, 'peermap.db')}`;
  run(['user', 'add', '--db', db, '--username', 'practitioner', '--team', 'Exploitation Team', '--role', 'practitioner'], `${password}\n`);
  run(['user', 'add', '--db', db, '--username', 'outsider', '--team', 'Youth Service', '--role', 'practitioner'], `${password}\n`);
  if (imports.length) {
    run(['map', 'import', '--db', db, '--as', 'practitioner', ...imports.map((f) => path.join(repo, 'examples', f))]);
  }
  const served = await serve(db);
  return {
    url: served.url,
    db,
    async stop() {
      await served.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The server and the browser of this test file, once useServerAndBrowser's set-up has run. */
export let server;
export let browser;

/**
 * Starts a server (startServer's `options`) and a browser before this file's tests, and stops
 * both after them: `server` and `browser` above are set for the tests to use.
 */
export function useServerAndBrowser(options) {
  before(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/**
 * A `peermap serve` on database `db` (any URL --db takes), on a free port: its URL and stop().
 * With PEERMAP_SERVER_LOG=FILE, the server logs each request (method, path, status, bytes and
 * milliseconds; never case content) to FILE, for finding where a benchmark's time goes.
 */
export async function serve(db) {
  const quiet = process.env.PEERMAP_SERVER_LOG ? [] : ['--quiet'];
  const child = spawn(binary, ['serve', '--db', db, '--listen', '127.0.0.1:0', ...quiet, '--council-name', council], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${text}`)), 20000);
    child.stderr.on('data', (chunk) => {
      if (process.env.PEERMAP_SERVER_LOG) appendFileSync(process.env.PEERMAP_SERVER_LOG, chunk);
      text += chunk;
      const found = /serving (http:\/\/[^\s]+\/)/.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${text}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page that records what must never happen: a dialog (an injected script ran), a CSP
 * violation (something inline or foreign tried to load), or an uncaught error.
 */
export async function watchedPage(browser, { width = 1366, height = 768 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const incidents = [];
  page.on('dialog', async (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) incidents.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('__peermapIncident', (text) => incidents.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__peermapIncident(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page, incidents };
}

export async function signIn(page, url, username = 'practitioner', secret = password) {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Maps', level: 1 }).waitFor();
}

/** Runs axe on the page as it is now: 0 violations, or the test fails naming them. */
export async function expectAccessible(page, state) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  assert.deepEqual(found, [], `axe violations in "${state}"`);
}

/** A screenshot into PEERMAP_SCREENSHOTS (docs/screenshots when making the docs), if set. */
export async function screenshot(page, name) {
  const dir = process.env.PEERMAP_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The API as the signed-in page sees it (its cookie), for checking what was saved. */
export async function apiGet(page, route) {
  return page.evaluate(async (r) => {
    const response = await fetch(r, { headers: { Accept: 'application/json' } });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }, route);
}

/** Signs in and opens the map whose title matches, its drawing shown; the map's id. */
export async function openMap(page, url, title) {
  await signIn(page, url);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.locator('svg image').waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}

/** The saved document, its ETag and how many revisions the map has, read through the API. */
export async function savedMap(page, id) {
  const answer = await apiGet(page, `/api/maps/${id}`);
  const listed = JSON.parse((await apiGet(page, `/api/maps/${id}/revisions`)).body);
  return { doc: JSON.parse(answer.body), etag: answer.headers.etag, revisions: (listed.revisions ?? listed).length };
}

/** A screenshot with the window tall enough to show the whole side panel. */
export async function tallScreenshot(page, name) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width, height: 1300 });
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** Focus moves a frame after the panel changes: waits for it to land on the element `id`. */
export async function expectFocus(page, id, why) {
  await page.waitForFunction((x) => document.activeElement?.id === x, id, { timeout: 3000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.id ?? ''), id, why);
}

/** Selects a person, place or group in the editor's list; its panel opens. */
export async function selectInList(page, name) {
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await page.getByRole('complementary', { name: 'Selected' }).getByRole('heading', { level: 2, name, exact: true }).waitFor();
}

/**
 * What has the keyboard's focus: its accessible text, its label, its tag and type, whether it is
 * checked, and whether the focus is visible on it (an outline, a box shadow or GOV.UK's yellow).
 */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const visible = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
    return {
      text: (el.getAttribute('aria-label') || el.textContent || '').trim(),
      label: el.labels?.[0]?.textContent?.trim() ?? '',
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      checked: Boolean(el.checked),
      selected: el.tagName === 'SELECT' ? (el.selectedOptions[0]?.textContent ?? '').trim() : '',
      visible: visible || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)',
    };
  });
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focused element matches, checking that each one
 * reached shows its focus; the test fails when the control is not reached within `limit`.
 */
export async function tabTo(page, matches, { back = false, limit = 120 } = {}) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (!now) continue;
    assert.ok(now.visible, `focus is not visible on <${now.tag}> "${now.text || now.label}"`);
    if (matches(now)) return now;
  }
  throw new Error(`the control was not reached by ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** The keyboard alone, as a user without a mouse works: Tab to a control, then type or press. */
export function keyboardUser(page) {
  const same = (want, got) => (want instanceof RegExp ? want.test(got) : want === got);
  return {
    /** Tabs to the field labelled `label` (forwards) and types `text` over what it held. */
    async fill(label, text, options) {
      await tabTo(page, (f) => same(label, f.label), options);
      await page.keyboard.press('Control+a');
      if (text) await page.keyboard.type(text);
      else await page.keyboard.press('Delete');
    },
    /** Tabs to the select labelled `label` and moves through it with the arrows to `option`. */
    async choose(label, option, options) {
      await tabTo(page, (f) => f.tag === 'select' && same(label, f.label), options);
      await page.keyboard.press('Home');
      for (let i = 0; i < 60; i += 1) {
        if (same(option, (await focused(page)).selected)) return;
        await page.keyboard.press('ArrowDown');
      }
      const now = await focused(page);
      throw new Error(now?.tag === 'select' ? `the select "${label}" has no option "${option}"`
        : `the focus left the select "${label}" for <${now?.tag ?? 'body'}> "${now?.text ?? ''}"`);
    },
    /** Tabs to the checkbox labelled `label` and ticks it with Space. */
    async tick(label, options) {
      const box = await tabTo(page, (f) => f.type === 'checkbox' && same(label, f.label), options);
      if (!box.checked) await page.keyboard.press('Space');
      assert.ok((await focused(page)).checked, `ticked: ${label}`);
    },
    /** Tabs into the radios and moves with the arrows until the one labelled `label` is chosen. */
    async pick(label, options) {
      await tabTo(page, (f) => f.type === 'radio', options);
      for (let i = 0; i < 20; i += 1) {
        const now = await focused(page);
        if (same(label, now.label)) {
          if (!now.checked) await page.keyboard.press('Space');
          return;
        }
        await page.keyboard.press('ArrowDown');
      }
      throw new Error(`no radio "${label}"`);
    },
    /** Tabs to the button or link whose text is `text` and presses Enter. */
    async press(text, options) {
      await tabTo(page, (f) => (f.tag === 'button' || f.tag === 'a') && same(text, f.text), options);
      await page.keyboard.press('Enter');
    },
  };
}
