// "Undo that": the facilitator takes back their own last edits, by button or Ctrl+Z, and puts
// them back with Redo or Ctrl+Shift+Z. Each is a new revision (nothing is overwritten), and an
// undo that would overwrite someone else's later change is refused, saying why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, openMap, password, savedMap, screenshot, server, tallScreenshot, useServerAndBrowser, watchedPage } from './support.mjs';


useServerAndBrowser({ imports: ['peer-group.json'] });

const state = savedMap;
const openPeerGroup = (page) => openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);

test('undo and redo of my own edits, each a new revision, by button and by keyboard', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  assert.ok(await undo.isDisabled(), 'nothing of mine to undo yet');
  const start = await state(page, id);

  await page.getByRole('button', { name: 'Add a person' }).click();
  await panel.getByLabel('Full name').fill('Shannon Doyle');
  await panel.getByRole('button', { name: 'Save person' }).click();
  await panel.getByRole('heading', { level: 2, name: 'Shannon Doyle' }).waitFor();
  const added = await state(page, id);
  const shannon = added.doc.people.at(-1);
  assert.equal(shannon.full_name, 'Shannon Doyle');
  assert.equal(added.revisions, start.revisions + 1);
  await page.getByText('Undo: Add Shannon Doyle (Ctrl+Z)').waitFor();

  await undo.click();
  await panel.getByText('Undone: Add Shannon Doyle').waitFor();
  const undone = await state(page, id);
  assert.equal(undone.revisions, added.revisions + 1, 'the undo is a new revision');
  assert.deepEqual(undone.doc, start.doc, 'the map is as it was before the edit');
  await expectAccessible(page, 'after an undo');
  await screenshot(page, 'undo');

  await redo.click();
  await panel.getByText('Redone: Add Shannon Doyle').waitFor();
  const redone = await state(page, id);
  assert.equal(redone.revisions, undone.revisions + 1);
  assert.deepEqual(redone.doc, added.doc, 'the same person, with the same id, is back');

  // The keyboard: Ctrl+Z outside a text field undoes, Ctrl+Shift+Z redoes.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await panel.getByText('Undone: Add Shannon Doyle').waitFor();
  assert.deepEqual((await state(page, id)).doc, start.doc);
  await page.keyboard.press('Control+Shift+z');
  await panel.getByText('Redone: Add Shannon Doyle').waitFor();
  assert.deepEqual((await state(page, id)).doc, added.doc);

  // In a text field Ctrl+Z is the field's own.
  await page.getByLabel('Find on this map').fill('Shan');
  await page.getByLabel('Find on this map').press('Control+z');
  await page.waitForTimeout(300);
  assert.deepEqual((await state(page, id)).doc, added.doc, 'Ctrl+Z in a field changed nothing on the map');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('an undo that would overwrite a partner\'s later change is refused, in words, and changes nothing', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Zain Chaudhry/ }).click();
  await panel.getByRole('button', { name: 'Edit person' }).click();
  await panel.getByLabel('School (optional)').fill('Moorside College');
  await panel.getByRole('button', { name: 'Save person' }).click();
  await panel.getByText('Moorside College').waitFor();

  // A partner changes Zain's notes meanwhile.
  const other = await browser.newContext();
  const login = await other.request.post(`${server.url}api/session`, { data: { username: 'practitioner', password } });
  const { csrf_token } = await login.json();
  const current = await other.request.get(`${server.url}api/maps/${id}`);
  const zain = (await current.json()).people.findIndex((p) => p.id === 'p4');
  const patched = await other.request.patch(`${server.url}api/maps/${id}`, {
    headers: { 'X-CSRF-Token': csrf_token, 'If-Match': current.headers().etag, 'Content-Type': 'application/json-patch+json' },
    data: JSON.stringify([{ op: 'replace', path: `/people/${zain}/notes`, value: 'Partner: started at the college in November.' }]),
  });
  assert.equal(patched.status(), 200);
  const theirs = await state(page, id);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('alert').getByText(/Cannot undo “Edit Zain Chaudhry”: someone else has since changed Zain Chaudhry/).waitFor();
  const after = await state(page, id);
  assert.equal(after.etag, theirs.etag, 'nothing was saved');
  assert.equal(after.doc.people.find((p) => p.id === 'p4').notes, 'Partner: started at the college in November.');
  assert.equal(after.doc.people.find((p) => p.id === 'p4').school, 'Moorside College');
  await expectAccessible(page, 'an undo refused');
  await tallScreenshot(page, 'undo-refused');
  await other.close();
  assert.deepEqual(incidents, []);
  await context.close();
});
