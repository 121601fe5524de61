// A practitioner creates the map for a new peer mapping meeting: the server's problems are
// shown at the right fields, and once it is right the editor opens on the new map.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';

useServerAndBrowser();

test('creating a map: an initial and a review before the map date are refused at their fields, then it is saved', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  await page.getByRole('button', { name: 'Create a map' }).click();
  await page.getByRole('heading', { name: 'Create a map' }).waitFor();
  await expectAccessible(page, 'create a map');

  await page.getByLabel('Title').fill('Peer mapping: Ruby Osei and the Station Road group');
  await page.getByLabel('Subject child 1: full name').fill('J. Okafor');
  // The full-name rule is explained as they type.
  await page.getByText('“J.” looks like an initial: use the full name').waitFor();
  await page.getByRole('button', { name: 'Add another subject child' }).click();
  await expectFocus(page, 'subject-1');
  await page.getByLabel('Subject child 2: full name').fill('Ruby Osei');
  await page.getByLabel('Purpose and objectives').fill('Who leads the Station Road group; protective adults.');
  await page.getByLabel('Criminal exploitation').check();
  await page.getByLabel('County lines').check();
  const mapDate = page.getByRole('group', { name: /Map date/ });
  await mapDate.getByLabel('Day').fill('3');
  await mapDate.getByLabel('Month').fill('11');
  await mapDate.getByLabel('Year').fill('2026');
  const review = page.getByRole('group', { name: /Review date/ });
  await review.getByLabel('Day').fill('1');
  await review.getByLabel('Month').fill('10');
  await review.getByLabel('Year').fill('2026');
  await page.getByRole('button', { name: 'Create map' }).click();

  const summary = page.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  const messages = await summary.getByRole('link').allTextContents();
  assert.equal(messages.length, 2, messages.join(' | '));
  assert.match(messages.join(' | '), /initial/);
  // Each message sits at its own field: the initial at subject child 1, the date at the review.
  const subjectGroup = page.locator('.govuk-form-group--error', { has: page.getByLabel('Subject child 1: full name') });
  await subjectGroup.getByText(/Error: .*initial/).waitFor();
  await page.locator('.govuk-form-group--error', { has: review }).getByText(/Error:/).waitFor();
  await expectAccessible(page, 'create a map with errors');
  await screenshot(page, 'create-map-errors');
  // Nothing was saved.
  assert.equal(JSON.parse((await apiGet(page, '/api/maps')).body).maps.length, 0);

  await page.getByLabel('Subject child 1: full name').fill('Jordan Okafor');
  await review.getByLabel('Month').fill('2');
  await review.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('heading', { name: 'Peer mapping: Ruby Osei and the Station Road group', level: 1 }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/maps\/[0-9a-f]{32}$/);

  const id = new URL(page.url()).pathname.split('/')[2];
  const saved = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.deepEqual(saved.map, {
    title: 'Peer mapping: Ruby Osei and the Station Road group',
    purpose: 'Who leads the Station Road group; protective adults.',
    concern_types: ['criminal exploitation', 'county lines'],
    subject_children: ['p1', 'p2'],
    status: 'pre-mapping',
    map_date: '2026-11-03',
    review_date: '2027-02-01',
    protective_marking: 'OFFICIAL-SENSITIVE',
  });
  assert.deepEqual(saved.people, [
    { id: 'p1', full_name: 'Jordan Okafor', role: 'subject-child' },
    { id: 'p2', full_name: 'Ruby Osei', role: 'subject-child' },
  ]);
  assert.deepEqual(incidents, []);
  await context.close();
});
