// The workspace in Chromium (issue 9, "Benchmarks"): a 200-person map on SQLite, a real
// `peermap serve`, Debian's chromium through playwright-core. Prints
//   - Save -> new map painted: from the click on Save (a one-field edit of a person, saved as a
//     JSON Patch) to the new revision's first image on screen (its screenful, map.png of the
//     part shown, or else the whole SVG), p50 and p95 over the saves. On screen is the render
//     time the Element Timing API gives the image: the frame that first showed it, decoded and
//     painted (not its load event, which comes before both). Two edits:
//     the person's notes (not drawn: the same picture) and their full name (drawn: the label and
//     the layout change);
//   - opening the editor: from navigation to the map on screen (Element Timing), p50 and p95;
//   - the browser's own share: decoding and painting the drawing (image load to on screen);
//   - the drawing's size, as a file (glyph outlines) and as the workspace loads it (labels=text);
//   - the bundle's size, gzipped.
//
//   node bench/workspace_bench.mjs [--saves N] [--opens N]      (run by bench/workspace_bench.sh)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const support = await import(path.join(repo, 'web/test/support.mjs'));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const saves = arg('--saves', 30);
const opens = arg('--opens', 10);

const work = mkdtempSync(path.join(tmpdir(), 'peermap-wsbench-'));
const map200 = path.join(work, 'map200.json');
const made = spawnSync('python3', [path.join(here, 'map200.py'), path.join(repo, 'examples/thematic.json'), map200, '200']);
if (made.status !== 0) throw new Error(`map200.py: ${made.stderr}`);

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v) => `${v.toFixed(0)} ms`;

const server = await support.startServer();
const imported = spawnSync(support.binary, ['map', 'import', '--db', server.db, '--as', 'practitioner', map200], { encoding: 'utf8' });
if (imported.status !== 0) throw new Error(`map import: ${imported.stderr}`);
const browser = await support.launchBrowser();
try {
  const { page, context } = await support.watchedPage(browser, { width: 1600, height: 900 });
  // When a drawing is on screen: the Element Timing API's render time of its image (the frame
  // that showed it, decoded and painted), which the map's images name by revision.
  await page.addInitScript(() => {
    window.__painted = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__painted.push({ id: e.identifier, at: e.renderTime || e.loadTime });
    }).observe({ type: 'element', buffered: true });
    // The main thread's long tasks (over 50 ms): what keeps a loaded image from the screen.
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await support.signIn(page, server.url);
  const link = page.getByRole('link', { name: /Benchmark map: 200 people/ });
  const editorUrl = new URL(await link.getAttribute('href'), server.url).href;

  // Opening the editor: navigation to the drawing's load event.
  const openTimes = [];
  for (let k = 0; k < opens; k++) {
    await page.goto(new URL('/maps', server.url).href);
    await link.waitFor();
    const start = Date.now();
    await page.goto(editorUrl);
    await page.waitForFunction(() => performance.getEntriesByName('peermap:map-painted').length > 0, null, { timeout: 30000 });
    // On screen: the Element Timing render time of the drawing's image (from navigation start).
    await page.waitForFunction(() => window.__painted.some((p) => p.id.startsWith('map-')), null, { timeout: 30000 });
    openTimes.push(await page.evaluate(() => Math.min(...window.__painted.filter((p) => p.id.startsWith('map-')).map((p) => p.at))));
    void start;
  }

  // Save -> painted: edit Hana Abdi's notes, then her full name, and save, 'saves' times each.
  const list = page.getByRole('navigation', { name: 'People and places' });
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const results = {};
  const phases = {};
  const surnames = ['Abdi', 'Abdi Ward', 'Abdi Lowe'];
  // --trace FILE: a Chrome trace of the full-name saves (where the browser's time goes).
  const traceTo = process.argv.includes('--trace') ? process.argv[process.argv.indexOf('--trace') + 1] : null;
  for (const edit of ['notes', 'full name']) {
    if (traceTo && edit === 'full name') await browser.startTracing(page, { path: traceTo, categories: ['toplevel', 'devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    const saveTimes = [];
    const paintTimes = [];
    const loadTimes = [];
    let screenfuls = 0;
    for (let k = 0; k < saves; k++) {
      await list.getByRole('button', { name: /^Hana Abdi/ }).click();
      await panel.getByRole('button', { name: 'Edit person' }).click();
      if (edit === 'notes') await panel.getByLabel('Notes').fill(`Benchmark note ${k}`);
      else await panel.getByLabel('Full name').fill(`Hana ${surnames[(k + 1) % surnames.length]}`);
      const before = await page.evaluate(() => performance.getEntriesByName('peermap:map-painted').length);
      await page.evaluate(() => performance.clearMarks('peermap:save'));
      await page.evaluate(() => {
        const button = [...document.querySelectorAll('button')].find((b) => /^Save/.test(b.textContent ?? ''));
        button.addEventListener('click', () => performance.mark('peermap:save'), { once: true, capture: true });
      });
      await panel.getByRole('button', { name: /^Save/ }).click();
      await page.waitForFunction((n) => performance.getEntriesByName('peermap:map-painted').length > n, before, { timeout: 30000 });
      const [saved, loaded, painted, screenful, busy] = await page.evaluate(async () => {
        const marks = performance.getEntriesByName('peermap:map-painted');
        const last = marks[marks.length - 1];
        const { revision, screenful } = last.detail;
        const names = [`map-screenful-${revision}`, `map-drawing-${revision}`];
        const shown = () => window.__painted.filter((p) => names.includes(p.id)).map((p) => p.at);
        for (let tries = 0; shown().length === 0 && tries < 300; tries++) await new Promise((r) => setTimeout(r, 10));
        const at = shown();
        if (at.length === 0) throw new Error(`revision ${revision}: no element timing entry`);
        const from = performance.getEntriesByName('peermap:save')[0].startTime;
        const to = Math.min(...at);
        const busy = window.__long.filter((t) => t.end > from && t.start < to).map((t) => Math.min(t.end, to) - Math.max(t.start, from));
        return [from, last.startTime, to, Boolean(screenful), busy];
      });
      const blocked = busy.reduce((a, b) => a + b, 0);
      (phases[`${edit}: main thread in long tasks between Save and painted (ms a save)`] ??= []).push({ start: blocked, end: blocked });
      saveTimes.push(painted - saved);
      loadTimes.push(loaded - saved);
      paintTimes.push(painted - loaded);
      screenfuls += screenful ? 1 : 0;
      // Where the time goes: each request made after the click, from the click to its start and end.
      const requests = await page.evaluate((from) => performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= from && e.name.includes('/api/maps/'))
        .map((e) => ({ name: new URL(e.name).pathname.replace(/^\/api\/maps\/[^/]+/, '') || 'document', method: e.initiatorType, start: e.startTime - from, end: e.responseEnd - from })), await page.evaluate(() => performance.getEntriesByName('peermap:save')[0].startTime));
      for (const r of requests) {
        const key = `${edit}: ${r.name === 'document' ? 'PATCH or GET document' : r.name}`;
        (phases[key] ??= []).push(r);
      }
      await page.evaluate(() => performance.clearResourceTimings());
      // The whole SVG on screen before the next edit, as in a meeting (where the next save is
      // seconds away, not the moment the SVG arrives).
      await page.waitForFunction(() => !document.querySelector('image[data-screenful]'), null, { timeout: 30000 });
      const revision = await page.evaluate(() => performance.getEntriesByName('peermap:map-painted').at(-1).detail.revision);
      await page.waitForFunction((r) => window.__painted.some((p) => p.id === `map-drawing-${r}`), revision, { timeout: 30000 });
    }
    results[edit] = { saveTimes, paintTimes, loadTimes, screenfuls };
    if (traceTo && edit === 'full name') await browser.stopTracing();
  }
  // The drawing as a file (glyph outlines) and as the workspace loads it (its words as text).
  const sizes = (query) => page.evaluate(async ([u, q]) => {
    const id = new URL(u).pathname.split('/')[2];
    const r = await fetch(`/api/maps/${id}/map.svg${q}`, { cache: 'no-store' });
    const entry = performance.getEntriesByType('resource').filter((e) => e.name.includes('map.svg')).at(-1);
    return { bytes: (await r.text()).length, transfer: entry?.encodedBodySize ?? 0 };
  }, [editorUrl, query]);
  const drawing = await sizes('');
  const screenDrawing = await sizes('?labels=text');

  // The bundle: every built asset, gzipped (as served to a browser that asks for it).
  const dist = path.join(repo, 'build/release/src/server/web');
  let raw = 0;
  let packed = 0;
  const files = ['index.html', ...readdirSync(path.join(dist, 'assets')).map((f) => path.join('assets', f))];
  for (const file of files) {
    if (!/\.(js|css|html)$/.test(file)) continue;
    const text = readFileSync(path.join(dist, file));
    raw += text.length;
    packed += gzipSync(text, { level: 9 }).length;
  }

  console.log(`200-person map, SQLite, Chromium (${saves} saves, ${opens} opens)`);
  for (const [edit, { saveTimes, paintTimes, loadTimes, screenfuls }] of Object.entries(results)) {
    console.log(`  Save -> new map painted, ${edit} edited: p50 ${ms(percentile(saveTimes, 50))}, p95 ${ms(percentile(saveTimes, 95))} (target p95 <= 150 ms); first painted from a screenful ${screenfuls} of ${saveTimes.length} times`);
    console.log(`    of which Save -> the image's load event: p50 ${ms(percentile(loadTimes, 50))}, p95 ${ms(percentile(loadTimes, 95))}`);
    console.log(`    and image load -> on screen (decode and paint, by Element Timing): p50 ${ms(percentile(paintTimes, 50))}, p95 ${ms(percentile(paintTimes, 95))}`);
  }
  for (const [name, list] of Object.entries(phases)) {
    console.log(`    ${name}: ${list.length} requests, start p50 ${ms(percentile(list.map((r) => r.start), 50))}, end p50 ${ms(percentile(list.map((r) => r.end), 50))}`);
  }
  console.log(`  Opening the editor (navigation -> map painted): p50 ${ms(percentile(openTimes, 50))}, p95 ${ms(percentile(openTimes, 95))} (target <= 1000 ms)`);
  console.log(`  map.svg: ${(drawing.bytes / 1000).toFixed(0)} kB; as the workspace loads it (labels=text): ${(screenDrawing.bytes / 1000).toFixed(0)} kB`);
  console.log(`  Bundle: ${(raw / 1000).toFixed(0)} kB, ${(packed / 1000).toFixed(1)} kB gzipped (target <= 150 kB)`);
  await context.close();
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
