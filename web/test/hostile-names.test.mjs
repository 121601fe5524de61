// Names typed by someone hostile (or pasted from a hostile page) are shown as text on every
// page: no script runs, nothing breaks out of its element, and the CSP reports nothing. The
// test listens for dialogs and CSP violations, so an injection makes it fail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

const script = '<script>alert("title")</script> Peer map';
const img = 'Ava "><img src=x onerror=alert(1)> Stone';
const js = 'javascript:alert(2) Jones';
const rtl = 'Noor \u202Egnp.exe\u202C Haddad';
// On screen the override is shown, not obeyed: "exe.png" cannot pose as the name.
const rtlShown = 'Noor [U+202E]gnp.exe[U+202C] Haddad';

useServerAndBrowser();

/** Nothing of what was typed became markup: no element, script, handler or script link. */
async function nothingInjected(page) {
  const injected = await page.evaluate(() => ({
    images: document.querySelectorAll('img, iframe, b, svg [onload]').length,
    scripts: [...document.scripts].filter((s) => !s.src.includes('/assets/')).length,
    handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').startsWith('javascript:')).length,
  }));
  assert.deepEqual(injected, { images: 0, scripts: 0, handlers: 0, links: 0 });
}

test('hostile names in every field are shown as text on every page', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  await page.getByRole('button', { name: 'Create a map' }).click();
  await page.getByLabel('Title').fill(script);
  await page.getByLabel('Subject child 1: full name').fill(img);
  await page.getByRole('button', { name: 'Add another subject child' }).click();
  await page.getByLabel('Subject child 2: full name').fill(rtl);
  await page.getByLabel('Purpose and objectives').fill(`${js} <b onmouseover=alert(3)>bold</b>`);
  await page.getByLabel('Other concern type (optional)').fill('<svg onload=alert(4)>');
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('heading', { level: 1, name: script }).waitFor();

  // Add a person whose every text field is hostile.
  await page.getByRole('button', { name: 'Add a person' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByLabel('Full name').fill(js);
  await panel.getByLabel('Known as (optional)').fill(`<script>alert(5)</script>, ${rtl}`);
  await panel.getByLabel('School (optional)').fill('"><iframe src=javascript:alert(6)>');
  await panel.getByLabel('Services involved (optional)').fill('<img src=x onerror=alert(7)>');
  await panel.getByLabel('Notes (optional)').fill('</textarea><script>alert(8)</script>');
  await panel.getByRole('button', { name: 'Save person' }).click();
  await panel.getByRole('heading', { name: js, level: 2 }).waitFor();
  await panel.getByText('"><iframe src=javascript:alert(6)>').waitFor();
  await panel.getByText('</textarea><script>alert(8)</script>').waitFor();
  const list = page.getByRole('navigation', { name: 'People and places' });
  await list.getByRole('button', { name: rtlShown, exact: true }).waitFor();
  await list.getByRole('button', { name: `${js} (“<script>alert(5)</script>”, “${rtlShown}”)` }).waitFor();
  assert.equal(await page.getByText(/\u202E/).count(), 0, 'no override reaches the screen');
  await list.getByRole('button', { name: img }).click();
  await panel.getByRole('heading', { name: img, level: 2 }).waitFor();
  await page.locator('svg image').waitFor();
  await expectAccessible(page, 'editor with hostile names');
  await screenshot(page, 'hostile-editor');

  // Nothing of what was typed became markup.
  await nothingInjected(page);

  // A meeting whose attendee is hostile in every field, and an action whose every text is.
  await page.getByRole('button', { name: 'About this map' }).click();
  await panel.getByRole('heading', { name: 'About this map', level: 2 }).waitFor();
  await panel.getByText(`${js} <b onmouseover=alert(3)>bold</b>`, { exact: true }).waitFor(); // the purpose
  await panel.getByText(`<svg onload=alert(4)>`, { exact: true }).waitFor(); // the concern type
  await panel.getByRole('button', { name: 'Add a meeting' }).click();
  await panel.getByLabel('Objectives (optional)').fill('<img src=x onerror=alert(9)>');
  const attendee = panel.getByRole('group', { name: 'Attendee 1' });
  await attendee.getByLabel('Full name').fill(img);
  await attendee.getByLabel('Agency').fill(rtl);
  await attendee.getByLabel('Role (optional)').fill('"><script>alert(10)</script>');
  await attendee.getByLabel('On the map as (optional)').selectOption({ label: js });
  await panel.getByRole('button', { name: 'Save meeting' }).click();
  await panel.getByText(`${img}, ${rtlShown} ("><script>alert(10)</script>; on the map as ${js})`, { exact: true }).waitFor();
  await panel.getByText('<img src=x onerror=alert(9)>', { exact: true }).waitFor();
  await panel.getByRole('button', { name: 'Add an outcome or action' }).click();
  await panel.getByLabel('Outcome or action').selectOption({ label: 'Other' });
  await panel.getByLabel('What is to be done').fill('</li><script>alert(11)</script>');
  await panel.getByLabel('Owner', { exact: true }).fill(rtl);
  await panel.getByRole('button', { name: 'Save action' }).click();
  await panel.getByText('</li><script>alert(11)</script>', { exact: true }).waitFor();
  await panel.getByText(`Owner: ${rtlShown}`, { exact: true }).waitFor();
  await list.getByText('Outcomes and actions (1)').click();
  await list.getByRole('button', { name: `Other: </li><script>alert(11)</script> (${rtlShown}, open)` }).waitFor();
  await list.getByText('Meetings (1)').click();
  await list.getByRole('button', { name: /: Ava "><img src=x onerror=alert\(1\)> Stone$/ }).waitFor();
  await panel.getByRole('button', { name: 'Edit map details' }).click();
  await panel.getByLabel('Title').waitFor();
  assert.equal(await panel.getByLabel('Other concern types (optional)').inputValue(), '<svg onload=alert(4)>');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.getByText(/\u202E/).count(), 0, 'no override reaches the screen');
  await expectAccessible(page, 'about this map with hostile names');
  await screenshot(page, 'hostile-about');
  await nothingInjected(page);

  // The maps page shows them as text too.
  await page.getByRole('link', { name: 'Maps' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Peer map' });
  await row.getByRole('link', { name: script }).waitFor();
  assert.equal(await row.getByRole('cell').nth(1).textContent(), `${img}, ${rtlShown}`);
  await expectAccessible(page, 'maps with hostile names');
  await screenshot(page, 'hostile-maps');

  // What was saved is exactly what was typed.
  const id = new URL(await row.getByRole('link', { name: script }).evaluate((a) => a.href)).pathname.split('/')[2];
  const saved = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body);
  assert.equal(saved.map.title, script);
  assert.deepEqual(saved.people.map((p) => p.full_name), [img, rtl, js]);
  assert.deepEqual(saved.people[2].known_as, ['<script>alert(5)</script>', rtl]);
  assert.deepEqual(saved.meetings[0].attendees, [{ name: img, agency: rtl, role: '"><script>alert(10)</script>', person: saved.people[2].id }]);
  assert.equal(saved.meetings[0].objectives, '<img src=x onerror=alert(9)>');
  assert.deepEqual(saved.actions.map(({ id: _, ...a }) => a), [{ type: 'other', description: '</li><script>alert(11)</script>', owner: rtl, status: 'open' }]);

  // No case content in the browser's storage.
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, databases: 0 });
  assert.deepEqual(incidents, []);
  await context.close();
});
