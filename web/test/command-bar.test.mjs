// The facilitator keeps up without the mouse: Ctrl+K, two names and Enter record a tie between
// them; "seen: … at … by …" records a sighting today. Keyboard only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, openMap, savedMap, screenshot, server, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

const documentOf = async (page, id) => (await savedMap(page, id)).doc;

test('two names in the command bar add a tie between them; Enter saves; a tie already there is shown instead', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);
  const before = await documentOf(page, id);
  const bar = page.getByRole('dialog', { name: /Find or add a person/ });
  const panel = page.getByRole('complementary', { name: 'Selected' });

  await page.keyboard.press('Control+k');
  await bar.getByRole('combobox').waitFor();
  await bar.getByText('Jordan Reed - Kai Brown').waitFor(); // the syntax, in the hint
  await page.keyboard.type('Ethan Oduya - Tariq Haddad');
  await bar.getByRole('option', { name: 'Add a tie between Ethan Oduya and Tariq Haddad', selected: true }).waitFor();
  await expectAccessible(page, 'command bar, a tie');
  await screenshot(page, 'command-bar-tie');
  await page.keyboard.press('Enter');
  await bar.waitFor({ state: 'hidden' });
  await panel.getByRole('heading', { level: 2, name: 'Ethan Oduya and Tariq Haddad' }).waitFor();
  await panel.getByText('Added a tie between Ethan Oduya and Tariq Haddad').waitFor();
  await expectFocus(page, 'notice-text', 'focus on what was done');
  const after = await documentOf(page, id);
  assert.equal(after.ties.length, before.ties.length + 1);
  const tie = after.ties.at(-1);
  assert.deepEqual(tie, { id: tie.id, kind: 'relationship', from: 'p2', to: 'p9', nature: 'associate' });
  assert.ok(!before.ties.some((t) => t.id === tie.id));

  // "and" works too, and known-as names; an existing tie is shown rather than added twice.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Zee and Tariq Haddad');
  await bar.getByRole('option', { name: 'Show the tie between Zain Chaudhry and Tariq Haddad (already recorded)', selected: true }).waitFor();
  await page.keyboard.press('Enter');
  await panel.getByRole('heading', { level: 2, name: 'Zain Chaudhry and Tariq Haddad' }).waitFor();
  assert.equal((await documentOf(page, id)).ties.length, after.ties.length);

  // A name nobody has is explained.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Ethan Oduya and Jordan Nobody');
  await bar.getByText(/no one \(or more than one\) is called “Jordan Nobody”/).waitFor();
  await expectAccessible(page, 'command bar, an unknown name');
  await page.keyboard.press('Escape');
  await bar.waitFor({ state: 'hidden' });
  assert.deepEqual(incidents, []);
  await context.close();
});

test('"seen: NAME and NAME at PLACE by WHO" records a sighting today', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);
  const before = await documentOf(page, id);
  const bar = page.getByRole('dialog', { name: /Find or add a person/ });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('seen: Ethan and Tariq Haddad at Moorside Rec');
  await bar.getByText(/Say who saw them/).waitFor();
  await page.keyboard.type(' by Police patrol');
  await bar.getByRole('option', { name: 'Add a sighting today: Ethan Oduya, Tariq Haddad at Moorside Recreation Ground, seen by Police patrol', selected: true }).waitFor();
  await screenshot(page, 'command-bar-sighting');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { level: 2, name: 'Ethan Oduya' }).waitFor();
  const after = await documentOf(page, id);
  const added = after.sightings.at(-1);
  assert.deepEqual(added, { id: added.id, people: ['p2', 'p9'], location: 'l2', date: new Date().toISOString().slice(0, 10), seen_by: 'Police patrol' });
  assert.equal(after.sightings.length, before.sightings.length + 1);
  assert.deepEqual(incidents, []);
  await context.close();
});
