// Two partners correct the same person at the same time, on two laptops. The second to save
// sees both versions side by side, in words, and chooses: keep mine (applied on the newest
// revision) or keep theirs (mine dropped). Nobody is overwritten without seeing it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, openMap, savedMap, server, tallScreenshot, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';


useServerAndBrowser({ imports: ['peer-group.json'] });

async function editEthan(page) {
  const id = await openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Ethan Oduya/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('button', { name: 'Edit person' }).click();
  await panel.getByRole('heading', { name: 'Edit Ethan Oduya' }).waitFor();
  return { panel, id };
}

const ethan = async (page, id) => (await savedMap(page, id)).doc.people.find((p) => p.id === 'p2');

test('the same person edited in two browsers: both versions shown, keep mine, then keep theirs', async () => {
  const a = await watchedPage(browser);
  const b = await watchedPage(browser);
  const mine = await editEthan(a.page);
  const theirs = await editEthan(b.page);
  const id = mine.id;
  const original = await ethan(a.page, id);

  // They save first: a new school.
  await theirs.panel.getByLabel('School (optional)').fill('Moorside College');
  await theirs.panel.getByRole('button', { name: 'Save person' }).click();
  await theirs.panel.getByText('Moorside College').waitFor();

  // I save a different school and notes: the edits overlap.
  await mine.panel.getByLabel('School (optional)').fill('Hollybrook Community School (part-time)');
  await mine.panel.getByLabel('Notes (optional)').fill('Attending mornings only.');
  await mine.panel.getByRole('button', { name: 'Save person' }).click();
  const conflict = mine.panel.getByRole('region', { name: 'Someone else changed Ethan Oduya while you were editing' });
  await conflict.waitFor();
  await expectFocus(a.page, 'conflict-heading');
  const school = conflict.getByRole('row', { name: /^School/ });
  await school.getByRole('cell', { name: 'Moorside College' }).waitFor();
  await school.getByRole('cell', { name: 'Hollybrook Community School (part-time)' }).waitFor();
  await conflict.getByRole('row', { name: /^Notes/ }).getByRole('cell', { name: 'Attending mornings only.' }).waitFor();
  assert.equal((await ethan(a.page, id)).school, 'Moorside College', 'nothing of mine saved yet');
  assert.equal(await mine.panel.getByLabel('Notes (optional)').inputValue(), 'Attending mornings only.', 'what I typed stays');
  await expectAccessible(a.page, 'a conflict');
  await tallScreenshot(a.page, 'conflict');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await mine.panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  assert.deepEqual(await ethan(a.page, id), { ...original, school: 'Hollybrook Community School (part-time)', notes: 'Attending mornings only.' });

  // Again, the other way: they change his known-as names, I change them too; I keep theirs.
  await b.page.reload();
  await b.page.locator('svg image').waitFor();
  await b.page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Ethan Oduya/ }).click();
  await theirs.panel.getByRole('button', { name: 'Edit person' }).click();
  await mine.panel.getByRole('button', { name: 'Edit person' }).click();
  await theirs.panel.getByLabel('Known as (optional)').fill('E, Eth');
  await theirs.panel.getByRole('button', { name: 'Save person' }).click();
  await theirs.panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  await mine.panel.getByLabel('Known as (optional)').fill('Little E');
  await mine.panel.getByRole('button', { name: 'Save person' }).click();
  await conflict.getByRole('row', { name: /^Known as/ }).getByRole('cell', { name: 'E, Eth' }).waitFor();
  await conflict.getByRole('button', { name: 'Keep theirs' }).click();
  await mine.panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  await mine.panel.getByText('E, Eth').waitFor();
  const final = await ethan(a.page, id);
  assert.deepEqual(final, { ...original, school: 'Hollybrook Community School (part-time)', notes: 'Attending mornings only.', known_as: ['E', 'Eth'] });
  assert.deepEqual(a.incidents, []);
  assert.deepEqual(b.incidents, []);
  await a.context.close();
  await b.context.close();
});
