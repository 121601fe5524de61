// After the meeting: the facilitator shows the map as it was known on a date, makes the
// redacted disclosure copy, draws a child's ecomap, and downloads each as SVG, PNG and PDF.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

async function openPeerGroup(page) {
  await signIn(page, server.url);
  await page.getByRole('link', { name: /Peer mapping: Mia Kowalczyk/ }).click();
  await page.getByRole('heading', { level: 1, name: /Peer mapping: Mia Kowalczyk/ }).waitFor();
  await page.locator('svg image').waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}

/** Chooses a view in the form and waits for its drawing and layout, which must ask for `expect`. */
async function showView(page, expect) {
  const drawing = page.waitForResponse((r) => r.url().includes('/map.svg') && expect.test(r.url()));
  const layout = page.waitForResponse((r) => r.url().includes('/layout') && expect.test(r.url()));
  await page.getByRole('button', { name: 'Show this view' }).click();
  const [, geometry] = await Promise.all([drawing, layout]);
  // The hit areas are the new layout's: one a drawn person or place.
  const nodes = (await geometry.json()).nodes.map((n) => n.id).sort().join(' ');
  await page.waitForFunction((want) => [...document.querySelectorAll('rect[data-hit]')]
    .map((r) => r.getAttribute('data-hit')).sort().join(' ') === want, nodes);
}

/** The view form (its fields' labels, Day, Month and Year, are also the person form's). */
const viewForm = (page) => page.getByRole('form', { name: 'Choose a view' });

const hitCount = (page) => page.locator('rect[data-hit]').count();

test('the as-of date, the disclosure copy and a child’s ecomap: drawn by the server, said in words, hit areas still select', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const list = page.getByRole('navigation', { name: 'People and places' });
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await page.locator('#view-words').getByText('The whole map, as known now (the view you edit)').waitFor();
  await page.getByRole('button', { name: 'Add a person' }).waitFor();
  const everyone = await hitCount(page);

  // A person half typed stays typed through the views (nothing typed is lost).
  await page.getByRole('button', { name: 'Add a person' }).click();
  await panel.getByLabel('Full name').fill('Kai Brennan-Ross');
  await page.getByText('Change the view').click();
  await page.getByRole('group', { name: 'Which drawing' }).waitFor();
  await expectAccessible(page, 'views form open');

  // The disclosure copy: other children by initials, on the drawing and in its text alternative.
  await viewForm(page).getByLabel('Redacted disclosure copy').check();
  await showView(page, /redact=true/);
  await page.locator('#view-words').getByText('Redacted disclosure copy, as known now').waitFor();
  await list.getByRole('button', { name: /^R\. T\., / }).waitFor();
  assert.equal(await list.getByText('Ruby Tennant').filter({ visible: true }).count(), 0, 'no other child named in the copy');
  await list.getByRole('button', { name: /^Mia Kowalczyk, / }).waitFor();
  // Editing a copy would be confusing: the controls are gone and the panel says why.
  assert.equal(await page.getByRole('button', { name: 'Add a person' }).count(), 0);
  await panel.getByText(/Editing is done on the whole map as known now/).waitFor();
  await page.locator('rect[data-hit="p3"]').scrollIntoViewIfNeeded(); // as a user scrolls to it
  const box = await page.locator('rect[data-hit="p3"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await panel.getByRole('heading', { name: 'R. T.', level: 2 }).waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Edit person' }).count(), 0);
  await expectAccessible(page, 'redacted copy, a child selected');

  // As of a date: only what was known then, so fewer people are drawn (and hit).
  await viewForm(page).getByLabel('Day').fill('1');
  await viewForm(page).getByLabel('Month').fill('3');
  await viewForm(page).getByLabel('Year').fill('2026');
  await showView(page, /as_of=2026-03-01.*redact=true|redact=true.*as_of=2026-03-01/);
  await page.locator('#view-words').getByText('Redacted disclosure copy as of 1 March 2026').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('rect[data-hit]').length < n, everyone);
  // What nothing dated supports is drawn with a "?", and the text alternative says so too.
  const asOf = JSON.parse((await apiGet(page, `/api/maps/${id}/layout?as_of=2026-03-01&redact=true`)).body);
  const undatedPeople = asOf.nodes.filter((n) => n.kind === 'person' && n.date_not_known);
  assert.ok(undatedPeople.length > 0, 'the example has people with no dated information by March');
  const listed = await list.getByRole('button').allTextContents();
  assert.equal(listed.filter((t) => t.endsWith('(date not known)')).length, undatedPeople.length, listed.join(' | '));
  await list.getByText(/"Date not known": nothing dated shows it was known/).waitFor();
  await expectAccessible(page, 'redacted copy as of a date');
  await screenshot(page, 'views');

  // A date that is not one is refused at the field, and the view stays as it was.
  await viewForm(page).getByLabel('Month').fill('13');
  await page.getByRole('button', { name: 'Show this view' }).click();
  await page.getByRole('alert').getByText(/as-of date as a real date/).waitFor();
  await page.locator('#view-words').getByText('Redacted disclosure copy as of 1 March 2026').waitFor();
  await expectAccessible(page, 'as-of date refused');

  // Ethan's ecomap, whole names, as known now.
  await viewForm(page).getByLabel('Day').fill('');
  await viewForm(page).getByLabel('Month').fill('');
  await viewForm(page).getByLabel('Year').fill('');
  await viewForm(page).getByLabel('Redacted disclosure copy').uncheck();
  await viewForm(page).getByLabel('A child’s ecomap').check();
  await viewForm(page).getByLabel('Whose ecomap').selectOption({ label: 'Ethan Oduya (subject child)' });
  await showView(page, /ecomap=p2/);
  await page.locator('#view-words').getByText('Ethan Oduya’s ecomap, as known now').waitFor();
  const drawnIds = await page.locator('rect[data-hit]').evaluateAll((rects) => rects.map((r) => r.getAttribute('data-hit')));
  assert.ok(drawnIds.includes('p2') && drawnIds.length < everyone, `ecomap hit areas: ${drawnIds}`);
  // The child at the centre, on the drawing; someone else, from the view's text alternative.
  await page.getByText('Change the view').click();
  await page.locator('rect[data-hit="p2"]').scrollIntoViewIfNeeded(); // as a user scrolls to it
  const centre = await page.locator('rect[data-hit="p2"]').boundingBox();
  await page.mouse.click(centre.x + centre.width / 2, centre.y + centre.height / 2);
  await panel.getByRole('heading', { name: 'Ethan Oduya', level: 2 }).waitFor();
  const entries = await list.getByRole('button').allTextContents();
  assert.equal(entries.length, drawnIds.length, `one entry a drawn person or place: ${entries}`);
  await list.getByRole('button').nth(1).click();
  await panel.getByRole('heading', { name: entries[1].split(', ')[0], level: 2 }).waitFor();
  await expectAccessible(page, 'ecomap');
  await screenshot(page, 'views-ecomap');

  // Back to the map that is edited: the editing controls return.
  await panel.getByRole('button', { name: 'Back to the map you edit' }).click();
  await page.getByRole('button', { name: 'Add a person' }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('rect[data-hit]').length === n, everyone);
  assert.equal(await panel.getByLabel('Full name').inputValue(), 'Kai Brennan-Ross', 'the form kept what was typed');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('downloads of the view as SVG, PNG and PDF are the server’s drawings, and each is audited', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  await page.getByText('Change the view').click();
  await viewForm(page).getByLabel('Redacted disclosure copy').check();
  await showView(page, /redact=true/);
  const renders = async () => JSON.parse((await apiGet(page, `/api/maps/${id}/audit`)).body).entries
    .filter((e) => e.action === 'map.render').length;
  const before = await renders();
  const bytes = {};
  for (const format of ['SVG', 'PNG', 'PDF']) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: new RegExp(`^Download ${format}`) }).click(),
    ]);
    assert.match(download.url(), new RegExp(`/map\\.${format.toLowerCase()}\\?.*redact=true`));
    assert.match(download.suggestedFilename(), new RegExp(`-redacted\\.${format.toLowerCase()}$`));
    bytes[format] = await readFile(await download.path());
  }
  const svg = bytes.SVG.toString('utf8');
  assert.match(svg.slice(0, 100), /^(<\?xml|<svg)/);
  assert.ok(!/<script/i.test(svg), 'no script in the SVG');
  assert.deepEqual([...bytes.PNG.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(bytes.PDF.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(await renders(), before + 3, 'each download is a read in the audit trail');
  await expectAccessible(page, 'downloads');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('the case record and the PowerPoint download whole or as a copy; another child’s copy asks its reason first; each is audited', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const audited = async (action) => JSON.parse((await apiGet(page, `/api/maps/${id}/audit`)).body).entries
    .filter((e) => e.action === action).map((e) => e.detail ?? '');
  await page.getByText('Download the case record').click();
  const record = page.getByRole('group', { name: /^Which record/ });
  await record.waitFor();
  await expectAccessible(page, 'record downloads');
  const [whole] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download the record \(PDF\) for the internal record, revision \d+$/ }).click(),
  ]);
  assert.match(whole.url(), new RegExp(`/api/maps/${id}/record\\.pdf\\?revision=\\d+$`));
  assert.equal((await readFile(await whole.path())).subarray(0, 5).toString('latin1'), '%PDF-');

  await record.getByLabel('A copy for partner agencies').check();
  const [deck] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download the PowerPoint for partner agencies/ }).click(),
  ]);
  assert.match(deck.url(), /\/map\.pptx\?revision=\d+&copy=partner$/);
  assert.equal((await readFile(await deck.path())).subarray(0, 2).toString('latin1'), 'PK', 'a zip package');

  // Another child's record: no link until the reason is given, then the reason goes with it.
  await record.getByLabel('A copy for another child’s record').check();
  assert.equal(await page.getByRole('link', { name: /^Download the record \(PDF\)/ }).count(), 0);
  await page.getByText('Enter the reason to download this copy.').waitFor();
  await page.getByLabel('Why it goes on another child’s record').fill('to support a referral to children’s social care');
  const [other] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Download the record \(PDF\) for another child’s record/ }).click(),
  ]);
  assert.match(other.url(), /copy=record-of-another-child&reason=to\+support\+a\+referral/);
  assert.equal((await readFile(await other.path())).subarray(0, 5).toString('latin1'), '%PDF-');
  await expectAccessible(page, 'record downloads, another child’s copy');
  await screenshot(page, 'record-downloads');

  assert.deepEqual(await audited('map.pptx'), ['copy=partner']);
  const records = await audited('map.record');
  assert.equal(records.length, 2);
  assert.ok(records.includes('copy=record-of-another-child; reason=to support a referral to children’s social care'), records.join(' | '));
  assert.deepEqual(incidents, []);
  await context.close();
});
