// In the meeting: the facilitator opens the map, finds people in the list and on the drawing,
// reads what each claim rests on, and adds and corrects a person as the room talks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

async function openPeerGroup(page) {
  await signIn(page, server.url);
  await page.getByRole('link', { name: /Peer mapping: Mia Kowalczyk/ }).click();
  await page.getByRole('heading', { level: 1, name: /Peer mapping: Mia Kowalczyk/ }).waitFor();
  await page.locator('svg image').waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}

test('the map and its text alternative: selecting from the list and on the drawing', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const list = page.getByRole('navigation', { name: 'People and places' });
  await list.getByRole('heading', { name: /^Children \(\d+\)$/ }).waitFor();
  await list.getByRole('heading', { name: /^Groups \(\d+\)$/ }).waitFor();
  await list.getByRole('heading', { name: /^Places \(\d+\)$/ }).waitFor();
  // The drawing is the server's own map.svg, as an image from a blob URL.
  const href = await page.locator('svg image').getAttribute('href');
  assert.match(href, /^blob:/);
  // (The page's CSP lets images, not fetches, read blob: URLs.) It is the server's map.svg.
  const drawing = await apiGet(page, `/api/maps/${id}/map.svg`);
  assert.equal(drawing.headers['content-type'], 'image/svg+xml');
  assert.match(drawing.body, /<svg/);
  await expectAccessible(page, 'editor');
  await screenshot(page, 'editor');

  await list.getByRole('button', { name: /^Mia Kowalczyk/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Mia Kowalczyk', level: 2 }).waitFor();
  await expectFocus(page, 'panel-heading', 'focus moves to the panel');
  await panel.getByText('Subject child', { exact: true }).waitFor();
  await panel.getByRole('heading', { name: /^Information \([1-9]\d*\)$/ }).waitFor();
  await panel.getByText(/Evidenced|Anecdotal/).first().waitFor();
  await expectAccessible(page, 'editor, person selected');
  await screenshot(page, 'editor-person');

  // The hit areas come from GET /api/maps/{id}/layout: clicking Ethan on the drawing selects him.
  const layout = JSON.parse((await apiGet(page, `/api/maps/${id}/layout`)).body);
  const ethan = layout.nodes.find((n) => n.id === 'p2');
  assert.ok(ethan && layout.placement.scale > 0);
  const box = await page.locator('rect[data-hit="p2"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await panel.getByRole('heading', { name: 'Ethan Oduya', level: 2 }).waitFor();

  // Zoom and pan by keyboard: the view narrows, then moves, then fits again.
  const viewBox = () => page.locator('.pm-map__drawing').getAttribute('viewBox');
  const fitted = await viewBox();
  await page.getByRole('group', { name: /Map drawing/ }).focus();
  await page.keyboard.press('+');
  const zoomed = await viewBox();
  assert.ok(Number(zoomed.split(' ')[2]) < Number(fitted.split(' ')[2]), `${zoomed} narrower than ${fitted}`);
  // The hit areas, in their own layer over the drawing, zoom with it.
  assert.equal(await page.locator('.pm-map__hits').getAttribute('viewBox'), zoomed);
  await page.keyboard.press('ArrowRight');
  assert.ok(Number((await viewBox()).split(' ')[0]) > Number(zoomed.split(' ')[0]));
  await page.keyboard.press('0');
  assert.equal(await viewBox(), fitted);
  // And by mouse: the wheel zooms.
  const map = await page.locator('.pm-map').boundingBox();
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((f) => document.querySelector('.pm-map__drawing')?.getAttribute('viewBox') !== f, fitted);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('adding a person: the full-name rule, the derived adult status, and the server\'s answer', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const before = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  const revisionBefore = (await apiGet(page, `/api/maps/${id}`)).headers.etag;

  await page.getByRole('button', { name: 'Add a person' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Add a person' }).waitFor();
  await panel.getByLabel('Full name').fill('Kai');
  await panel.getByText('Enter their first name and last name.').waitFor();
  const dob = panel.getByRole('group', { name: /Date of birth/ });
  await dob.getByLabel('Day').fill('2');
  await dob.getByLabel('Month').fill('3');
  await dob.getByLabel('Year').fill('2004');
  await panel.getByText('Adult on the map (22 years old at the map date).').waitFor();
  await panel.getByLabel('Role').selectOption({ label: 'Adult of concern' });
  await panel.getByRole('button', { name: 'Save person' }).click();
  // The server refuses the single name, at the full name field; nothing is saved.
  const summary = panel.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  await panel.locator('.govuk-form-group--error', { has: page.getByLabel('Full name') }).waitFor();
  assert.equal((await apiGet(page, `/api/maps/${id}`)).headers.etag, revisionBefore);
  await expectAccessible(page, 'add a person with an error');
  await screenshot(page, 'editor-add-person-error');

  await panel.getByLabel('Full name').fill('Kai Brennan-Ross');
  await panel.getByLabel('Known as (optional)').fill('K-Dog, kb_04');
  await panel.getByLabel('Gender').selectOption({ label: 'Male' });
  await panel.getByLabel('Services involved (optional)').fill('Police');
  await panel.getByLabel('Already at risk outside the home (ROTH)').check();
  await panel.getByRole('button', { name: 'Save person' }).click();
  await panel.getByRole('heading', { name: 'Kai Brennan-Ross', level: 2 }).waitFor();
  await page.getByRole('navigation', { name: 'People and places' })
    .getByRole('heading', { name: /^Adults/ }).waitFor();
  await page.getByRole('navigation', { name: 'People and places' })
    .getByRole('button', { name: 'Kai Brennan-Ross (“K-Dog”, “kb_04”)' }).waitFor();

  const after = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.equal(after.people.length, before.people.length + 1);
  const added = after.people.at(-1);
  assert.deepEqual(added, {
    id: added.id,
    full_name: 'Kai Brennan-Ross',
    known_as: ['K-Dog', 'kb_04'],
    date_of_birth: '2004-03-02',
    gender: 'male',
    role: 'adult-of-concern',
    services: ['Police'],
    roth: true,
  });
  assert.ok(!before.people.some((p) => p.id === added.id));
  // The drawing was fetched again for the new revision, with a hit area for them.
  await page.locator(`rect[data-hit="${added.id}"]`).waitFor({ state: 'attached' });

  // Correct them: the edit is a JSON Patch on the revision we hold.
  await panel.getByRole('button', { name: 'Edit person' }).click();
  await panel.getByLabel('School (optional)').fill('Moorside College');
  await panel.getByRole('button', { name: 'Save person' }).click();
  await panel.getByText('Moorside College').waitFor();
  const edited = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body).people.find((p) => p.id === added.id);
  assert.equal(edited.school, 'Moorside College');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('someone else saves in between: an edit to another person still lands, without overwriting theirs', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Ethan Oduya/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('button', { name: 'Edit person' }).click();
  await panel.getByLabel('Notes (optional)').fill('Moved to a new school in October.');

  // A partner on another laptop changes Mia's notes meanwhile, through the API.
  const other = await browser.newContext();
  const login = await other.request.post(`${server.url}api/session`, { data: { username: 'practitioner', password: 'correct horse battery staple' } });
  const { csrf_token } = await login.json();
  const current = await other.request.get(`${server.url}api/maps/${id}`);
  const mia = (await current.json()).people.findIndex((p) => p.id === 'p1');
  const patched = await other.request.patch(`${server.url}api/maps/${id}`, {
    headers: { 'X-CSRF-Token': csrf_token, 'If-Match': current.headers().etag, 'Content-Type': 'application/json-patch+json' },
    data: JSON.stringify([{ op: 'replace', path: `/people/${mia}/notes`, value: 'Partner: seen at the Parkway Lodge.' }]),
  });
  assert.equal(patched.status(), 200);

  await panel.getByRole('button', { name: 'Save person' }).click();
  await panel.getByText('Moved to a new school in October.').waitFor();
  const saved = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.equal(saved.people.find((p) => p.id === 'p2').notes, 'Moved to a new school in October.');
  assert.equal(saved.people.find((p) => p.id === 'p1').notes, 'Partner: seen at the Parkway Lodge.');
  await other.close();
  assert.deepEqual(incidents, []);
  await context.close();
});

test('the command bar (Ctrl+K): find a person by name, or add one with the name filled in', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await openPeerGroup(page);
  await page.keyboard.press('Control+k');
  const bar = page.getByRole('dialog', { name: 'Find or add a person' });
  const input = bar.getByRole('combobox', { name: 'Find or add a person' });
  await input.waitFor();
  await expectFocus(page, 'command-input');
  await page.keyboard.type('e-man');
  await bar.getByRole('option', { name: 'Ethan Oduya', selected: true }).waitFor();
  await expectAccessible(page, 'command bar open');
  await screenshot(page, 'editor-command-bar');
  await page.keyboard.press('Enter');
  await bar.waitFor({ state: 'hidden' });
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Ethan Oduya', level: 2 }).waitFor();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('Shannon Doyle');
  await bar.getByRole('option', { name: 'Add “Shannon Doyle” as a new person', selected: true }).waitFor();
  await page.keyboard.press('Enter');
  await panel.getByRole('heading', { name: 'Add a person' }).waitFor();
  assert.equal(await panel.getByLabel('Full name').inputValue(), 'Shannon Doyle');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('recording exploitation: a tie that already exists is refused at its field, then the new one is drawn and listed', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const before = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Mia Kowalczyk/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('button', { name: 'Add a tie' }).click();
  await panel.getByRole('heading', { name: 'Add a tie for Mia Kowalczyk' }).waitFor();

  // Mia and Ruby already have a relationship: the server refuses a second one.
  await panel.getByLabel('The other person').selectOption({ label: 'Ruby Tennant' });
  await panel.getByRole('button', { name: 'Save tie' }).click();
  await panel.getByRole('alert').getByText('There is a problem').waitFor();
  // The server names people by id; the message names them as the room knows them.
  await panel.getByRole('alert').getByRole('link', { name: /“Mia Kowalczyk” and “Ruby Tennant”/ }).waitFor();
  await panel.locator('.govuk-form-group--error', { has: page.getByLabel('The other person') }).waitFor();
  await expectAccessible(page, 'add a tie with an error');
  await screenshot(page, 'editor-add-tie-error');
  assert.equal(JSON.parse((await apiGet(page, `/api/maps/${id}`)).body).ties.length, before.ties.length);

  await panel.getByLabel('The other person').selectOption({ label: 'Marcus Delacroix' });
  await panel.getByLabel('Strength').selectOption({ label: 'Strong' });
  await panel.getByLabel('Exploitation or control').selectOption({ label: 'Marcus Delacroix exploits or controls Mia Kowalczyk' });
  await panel.getByLabel('Who leads').selectOption({ label: 'Marcus Delacroix leads, Mia Kowalczyk follows' });
  await panel.getByLabel('Protective or risky').selectOption({ label: 'Risky' });
  await screenshot(page, 'editor-add-tie');
  await panel.getByRole('button', { name: 'Save tie' }).click();
  await panel.getByRole('heading', { name: 'Mia Kowalczyk', level: 2 }).waitFor();
  await panel.getByText('Mia Kowalczyk and Marcus Delacroix: associate, strong, exploitation or control by Marcus Delacroix, Marcus Delacroix leads, risky').waitFor();

  const after = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.equal(after.ties.length, before.ties.length + 1);
  const tie = after.ties.find((t) => t.from === 'p1' && t.to === 'p20');
  assert.deepEqual(tie, {
    id: tie.id,
    kind: 'relationship',
    from: 'p1',
    to: 'p20',
    nature: 'associate',
    strength: 3,
    exploitation: { by: 'p20' },
    influence: { leader: 'p20' },
    valence: 'risky',
  });
  assert.ok(!before.ties.some((t) => t.id === tie.id));
  assert.deepEqual(incidents, []);
  await context.close();
});

test("recording C's handling conditions and the copies they allow", async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Ethan Oduya/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const count = Number((await panel.getByRole('heading', { name: /^Information \(\d+\)$/ }).textContent()).match(/\d+/)[0]);
  await panel.getByRole('button', { name: 'Add information' }).click();
  await panel.getByRole('heading', { name: 'Add information about Ethan Oduya' }).waitFor();
  await panel.getByLabel('What was said').fill('Stopped with two older men near the station.');
  await panel.getByLabel('Source: agency').fill('Police');
  await panel.getByLabel('Anecdotal', { exact: true }).check();
  await panel.getByLabel('Grading scheme').selectOption('3x5x2');
  await panel.getByLabel('Grading', { exact: true }).fill('2BC');
  await panel.getByLabel('Handling conditions (optional)').fill('Not to be shared with the family.');
  // Until the copies are listed, the code decides; listing them shows the copies to tick.
  assert.equal(await panel.getByLabel('A partner agency').count(), 0);
  await panel.getByLabel('Only the copies ticked below, as its conditions allow').check();
  await panel.getByLabel('A partner agency').check();
  await expectAccessible(page, 'add information with handling conditions');
  await screenshot(page, 'editor-information-handling');
  await panel.getByRole('button', { name: 'Save information' }).click();
  await panel.getByRole('heading', { name: `Information (${count + 1})` }).waitFor();
  const after = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.deepEqual(after.information.at(-1).handling, {
    conditions: 'Not to be shared with the family.',
    audiences: ['partner'],
  });
  assert.deepEqual(incidents, []);
  await context.close();
});

test('recording graded information: who said it, when, evidenced, 3x5x2 typed as one code, and what it is about', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const before = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Ethan Oduya/ }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const count = Number((await panel.getByRole('heading', { name: /^Information \(\d+\)$/ }).textContent()).match(/\d+/)[0]);
  await panel.getByRole('button', { name: 'Add information' }).click();
  await panel.getByRole('heading', { name: 'Add information about Ethan Oduya' }).waitFor();
  await panel.getByLabel('What was said').fill('Seen getting into a grey Audi outside the school gates with Mia Kowalczyk.');
  await panel.getByLabel('Source: agency').fill('Police');
  await panel.getByLabel('Source: person (optional)').fill('Dawn Ellis');
  await panel.getByLabel('Evidenced', { exact: true }).check();
  const observed = panel.getByRole('group', { name: /When it happened/ });
  await observed.getByLabel('Day').fill('3');
  await observed.getByLabel('Month').fill('11');
  await observed.getByLabel('Year').fill('2026');
  await panel.getByLabel('Grading scheme').selectOption('3x5x2');
  await panel.getByLabel('Grading', { exact: true }).fill('2BX');
  await panel.getByLabel('Mia Kowalczyk and Ethan Oduya: friend, moderate, mixed').check();
  await panel.getByRole('button', { name: 'Save information' }).click();
  // A code that is not 3x5x2 is refused at the grading, before anything is sent.
  await panel.locator('.govuk-form-group--error', { has: page.getByLabel('Grading', { exact: true }) })
    .getByText(/Error: Enter the grading as source 1 to 3/).waitFor();
  await expectAccessible(page, 'add information with an error');
  await panel.getByLabel('Grading', { exact: true }).fill('2bp');
  await screenshot(page, 'editor-add-information');
  await panel.getByRole('button', { name: 'Save information' }).click();
  await panel.getByRole('heading', { name: `Information (${count + 1})` }).waitFor();
  await panel.getByText('3x5x2: 2BP · Police (Dawn Ellis) · observed 3 November 2026').waitFor();

  const after = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.equal(after.information.length, before.information.length + 1);
  const item = after.information.at(-1);
  const tie = before.ties.find((t) => t.kind === 'relationship' && [t.from, t.to].sort().join() === 'p1,p2');
  const today = new Date().toISOString().slice(0, 10);
  assert.deepEqual(item, {
    id: item.id,
    summary: 'Seen getting into a grey Audi outside the school gates with Mia Kowalczyk.',
    source: { agency: 'Police', person: 'Dawn Ellis' },
    observed: '2026-11-03',
    recorded: today,
    evidence: 'evidenced',
    grading: { scheme: '3x5x2', source: 2, intelligence: 'B', handling: 'P' },
    about: ['p2', tie.id],
  });
  assert.deepEqual(incidents, []);
  await context.close();
});
