// After a save, the new revision is painted first from a screenful: map.png of the part of the
// page on screen, at the screen's pixels, which the server draws and the browser paints far
// more quickly than the whole SVG. The whole SVG then takes its place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, openMap, screenshot, selectInList, server, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

test('a save is painted first from a screenful of the new drawing, then the whole SVG', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);
  const layout = JSON.parse((await apiGet(page, `/api/maps/${id}/layout`)).body);
  // Hold the whole drawing back, so the screenful's time on screen can be seen.
  let releaseSvg;
  const svgHeld = new Promise((resolve) => { releaseSvg = resolve; });
  const asked = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.route(/\/map\.svg\?/, async (route) => {
    await svgHeld;
    await route.continue();
  });

  await selectInList(page, 'Ethan Oduya');
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('button', { name: 'Edit person' }).click();
  await panel.getByLabel('Full name').fill('Ethan Oduya-Brooks');
  await panel.getByRole('button', { name: /^Save/ }).click();

  // The screenful is on screen while the SVG is held: an image of the part shown, from a blob.
  const shot = page.locator('.pm-map__drawing image[data-screenful]');
  await shot.waitFor();
  assert.match(await shot.getAttribute('href'), /^blob:/);
  const painted = await page.evaluate(() => performance.getEntriesByName('peermap:map-painted').map((m) => m.detail));
  const revision = Number(await shot.getAttribute('data-screenful'));
  assert.ok(revision >= 2, `the screenful is of the saved revision (${revision})`);
  assert.deepEqual(painted.at(-1), { revision, screenful: true });
  // It was asked for the area on screen, within the page, at the map's width in device pixels.
  const screenful = asked.map((u) => new URL(u)).find((u) => u.pathname === `/api/maps/${id}/map.png` && u.searchParams.has('area'));
  assert.ok(screenful, `a screenful was asked for: ${asked.join(' ')}`);
  assert.equal(screenful.searchParams.get('revision'), String(revision));
  const [x, y, w, h] = screenful.searchParams.get('area').split(',').map(Number);
  assert.ok(x >= 0 && y >= 0 && x + w <= layout.page.width + 0.5 && y + h <= layout.page.height + 0.5, `${[x, y, w, h]} lies within the page`);
  const box = await page.locator('.pm-map__drawing').boundingBox();
  const pixels = Number(screenful.searchParams.get('width'));
  const perPoint = Math.min(box.width / layout.page.width, box.height / layout.page.height);
  assert.ok(Math.abs(pixels - w * perPoint) <= 2, `${pixels} pixels for ${w} points at ${perPoint} px a point`);
  assert.equal(Number(await shot.getAttribute('width')), w);
  // The hit areas already follow the new revision, and the page stays accessible.
  await expectAccessible(page, 'editor, the screenful shown');
  await screenshot(page, 'editor-screenful');
  assert.equal(await page.locator('.pm-map__drawing image').count(), 1);

  // The whole SVG comes and takes its place: the page's own drawing again, and no more PNG.
  releaseSvg();
  await page.locator('.pm-map__drawing image:not([data-screenful])').waitFor();
  const whole = page.locator('.pm-map__drawing image');
  assert.equal(Number(await whole.getAttribute('width')), layout.page.width);
  assert.match(await whole.getAttribute('href'), /^blob:/);
  assert.ok(asked.some((u) => u.includes(`/map.svg?revision=${revision}`)), 'the SVG of the same revision');
  // It was asked for only once the screenful was on screen, so as not to hold up its paint.
  const [svgAsked, screenfulPainted] = await page.evaluate((n) => [
    performance.getEntriesByType('resource').find((e) => e.name.includes(`/map.svg?revision=${n}`))?.startTime,
    performance.getEntriesByName('peermap:map-painted').find((m) => m.detail.revision === n && m.detail.screenful)?.startTime,
  ], revision);
  assert.ok(svgAsked !== undefined && screenfulPainted !== undefined, `${svgAsked} ${screenfulPainted}`);
  assert.ok(svgAsked > screenfulPainted, `the SVG asked for at ${svgAsked} ms, the screenful loaded at ${screenfulPainted} ms`);
  const doc = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.equal(doc.people.find((p) => p.id === 'p2').full_name, 'Ethan Oduya-Brooks');
  assert.deepEqual(incidents, []);
  await context.close();
});
