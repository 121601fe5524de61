// A practitioner looks for a map among their team's: the table, its tags, search and filters.
// Someone from another team sees none of them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json', 'ecomap-child.json', 'thematic.json'] });

function daysUntil(iso) {
  const today = new Date().toISOString().slice(0, 10);
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000);
}

test('the maps page lists my team\'s maps with status, review and last change, and filters them', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  const table = page.getByRole('table', { name: 'Maps you may see' });
  const rows = table.getByRole('row');
  await rows.nth(3).waitFor();
  assert.equal(await rows.count(), 4, 'a header row and three maps');
  const headers = await table.getByRole('columnheader').allTextContents();
  assert.deepEqual(headers, ['Title', 'Subject children', 'Status', 'Map date', 'Review', 'Last changed']);

  const peer = rows.filter({ hasText: 'Peer mapping: Mia Kowalczyk' });
  const cells = await peer.getByRole('cell').allTextContents();
  assert.equal(cells[1], 'Mia Kowalczyk, Ethan Oduya');
  assert.equal(cells[2], 'Outcomes');
  assert.equal(cells[3], '10 November 2026');
  const days = daysUntil('2027-02-10');
  const expected = days < 0 ? 'Overdue' : days === 0 ? 'Due today' : `Due in ${days} day${days === 1 ? '' : 's'}`;
  assert.equal(cells[4], `10 February 2027${expected}`);
  assert.match(cells[5], /^practitioner\d{1,2} \w+ \d{4} at \d{2}:\d{2}$/);
  await expectAccessible(page, 'maps page');
  await screenshot(page, 'maps');

  await page.getByLabel('Search by title or name').fill('leon');
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: 'Leon Mbatha-Hughes' }).waitFor();
  await page.getByLabel('Search by title or name').fill('');

  await page.getByLabel('Status').selectOption({ label: 'Pre-mapping' });
  const preMapping = await table.getByRole('row').count();
  assert.ok(preMapping >= 2 && preMapping < 4, 'only pre-mapping maps');
  for (const status of (await table.locator('tbody').getByRole('row').all())) {
    assert.equal((await status.getByRole('cell').nth(2).textContent()), 'Pre-mapping');
  }
  await page.getByLabel('Status').selectOption({ label: 'All statuses' });

  await page.getByLabel('Subject child').selectOption({ label: 'Ethan Oduya' });
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: 'Peer mapping: Mia Kowalczyk' }).waitFor();
  await expectAccessible(page, 'maps page, filtered');
  await page.getByLabel('Subject child').selectOption({ label: 'All subject children' });

  await page.getByLabel('Search by title or name').fill('nothing is called this');
  await page.getByText('No maps match.').waitFor();
  assert.deepEqual(incidents, []);
  await context.close();
});

test('someone from another team sees none of the maps', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url, 'outsider');
  await page.getByText('There are no maps yet.').waitFor();
  assert.equal(await page.getByRole('table').getByRole('row').count(), 1);
  await expectAccessible(page, 'maps page, empty');
  assert.deepEqual(incidents, []);
  await context.close();
});
