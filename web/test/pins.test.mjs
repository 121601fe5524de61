// The room keeps its bearings: a person dragged on the map stays where they were put (a pin),
// is unpinned from the side panel, can be pinned by keyboard, and the whole map is tidied only
// when someone asks and confirms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

async function documentOf(page, id) {
  return JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
}

async function revisionShown(page, n) {
  await page.getByText(`revision ${n}`, { exact: false }).first().waitFor();
  await page.locator('svg image').waitFor();
}

test('drag to pin, unpin, pin by keyboard, and tidy the whole map', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  await page.getByRole('link', { name: /Peer mapping: Mia Kowalczyk/ }).click();
  await page.locator('svg image').waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];
  const before = JSON.parse((await apiGet(page, `/api/maps/${id}/layout`)).body);
  const ethan = before.nodes.find((n) => n.id === 'p2');

  // Drag Ethan 60 pixels right and 40 down.
  const box = await page.locator('rect[data-hit="p2"]').boundingBox();
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(from.x + 10 * k, from.y + (40 * k) / 6);
  await page.mouse.up();
  await revisionShown(page, 2);
  let saved = await documentOf(page, id);
  assert.equal(saved.pins.length, 1);
  assert.equal(saved.pins[0].ref, 'p2');
  assert.ok(saved.pins[0].x > ethan.x + 5, `moved right: ${saved.pins[0].x} from ${ethan.x}`);
  assert.ok(saved.pins[0].y > ethan.y + 3, `moved down: ${saved.pins[0].y} from ${ethan.y}`);
  const pinnedLayout = JSON.parse((await apiGet(page, `/api/maps/${id}/layout`)).body);
  const there = pinnedLayout.nodes.find((n) => n.id === 'p2');
  assert.equal(there.x, saved.pins[0].x);
  assert.equal(there.pinned, true);
  assert.equal(pinnedLayout.laid_out_from, 1, 'laid out from the previous positions');

  // Unpin from the side panel.
  const list = page.getByRole('navigation', { name: 'People and places' });
  await list.getByRole('button', { name: /^Ethan Oduya/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByText(/Pinned at/).waitFor();
  await expectAccessible(page, 'editor, a pinned person');
  await screenshot(page, 'editor-pinned');
  await panel.getByRole('button', { name: 'Unpin' }).click();
  await panel.getByText(/Not pinned/).waitFor();
  saved = await documentOf(page, id);
  assert.deepEqual(saved.pins, []);

  // By keyboard: type coordinates and pin, then move by a step.
  await panel.getByLabel('Across (points)').fill('100');
  await panel.getByLabel('Down (points)').fill('120');
  await panel.getByRole('button', { name: 'Pin here' }).focus();
  await page.keyboard.press('Enter');
  await panel.getByText(/^Pinned at 100, 120:/).waitFor();
  await panel.getByRole('button', { name: 'Move right' }).focus();
  await page.keyboard.press('Enter');
  await panel.getByText(/^Pinned at 120, 120:/).waitFor();
  saved = await documentOf(page, id);
  assert.deepEqual(saved.pins, [{ ref: 'p2', x: 120, y: 120 }]);

  // Tidy: asks first; Cancel changes nothing; Yes saves a revision laid out afresh.
  const head = JSON.parse((await apiGet(page, `/api/maps/${id}/revisions`)).body).revisions.length;
  await page.getByRole('button', { name: 'Tidy the whole map' }).click();
  await page.getByText(/the room will lose its bearings/).waitFor();
  await expectAccessible(page, 'editor, tidy confirmation');
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(JSON.parse((await apiGet(page, `/api/maps/${id}/revisions`)).body).revisions.length, head);
  await page.getByRole('button', { name: 'Tidy the whole map' }).click();
  await page.getByRole('button', { name: 'Yes, tidy the whole map' }).click();
  await revisionShown(page, head + 1);
  const revisions = JSON.parse((await apiGet(page, `/api/maps/${id}/revisions`)).body).revisions;
  assert.equal(revisions.at(-1).summary, 'the whole map tidied (a full re-layout)');
  const tidied = JSON.parse((await apiGet(page, `/api/maps/${id}/layout`)).body);
  assert.equal(tidied.laid_out_from, null);
  assert.equal(tidied.nodes.find((n) => n.id === 'p2').x, 120, 'the pin holds through a tidy');

  assert.deepEqual(incidents, []);
  await context.close();
});
