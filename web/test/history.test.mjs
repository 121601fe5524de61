// Compare with the last review: the practitioner opens a map's history, reads an earlier
// revision as it was (read-only), and compares two revisions in words, down to the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, run, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

/** A JSON Patch saved as the signed-in page would save it (If-Match, X-CSRF-Token). */
async function patch(page, id, operations) {
  const status = await page.evaluate(async ({ id, operations }) => {
    const session = await (await fetch('/api/session')).json();
    const head = await fetch(`/api/maps/${id}`);
    const response = await fetch(`/api/maps/${id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json', 'If-Match': head.headers.get('ETag'), 'X-CSRF-Token': session.csrf_token },
      body: JSON.stringify(operations),
    });
    return `${response.status} ${response.status === 200 ? '' : await response.text()}`;
  }, { id, operations });
  assert.equal(status, '200 ');
}

async function openPeerGroup(page) {
  await signIn(page, server.url);
  await page.getByRole('link', { name: /Peer mapping: Mia Kowalczyk/ }).click();
  await page.getByRole('heading', { level: 1, name: /Peer mapping: Mia Kowalczyk/ }).waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}

test('the history lists every revision, opens one read-only and compares two down to the field', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  // Three saves after the import: Ethan's date of birth, his known-as names, a grading.
  await patch(page, id, [{ op: 'replace', path: '/people/1/date_of_birth', value: '2011-03-03' }]);
  await patch(page, id, [{ op: 'add', path: '/people/1/known_as/-', value: 'Ethan O' }]);
  await patch(page, id, [{ op: 'replace', path: '/information/2/grading/source', value: 2 }]);
  // The history names each author by the display name they have now.
  run(['user', 'set-name', '--db', server.db, '--username', 'practitioner', '--display-name', 'Priya Natarajan-Hale']);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /Peer mapping: Mia Kowalczyk/ }).waitFor();

  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'History' }).waitFor();
  const table = page.getByRole('table', { name: 'Revisions (4)' });
  await table.waitFor();
  const rows = table.getByRole('row');
  assert.equal(await rows.count(), 5, 'a header and four revisions');
  // Newest first: number, who, when, what changed.
  const newest = await rows.nth(1).getByRole('cell').allTextContents();
  assert.equal(await rows.nth(1).getByRole('rowheader').textContent(), '4');
  assert.equal(newest[0], 'Priya Natarajan-Hale');
  assert.match(newest[1], /^\d{1,2} \w+ \d{4} at \d\d:\d\d$/);
  assert.equal(newest[2], '1 information item changed');
  assert.equal((await rows.nth(4).getByRole('cell').allTextContents())[2], 'created');
  await expectAccessible(page, 'history');
  await screenshot(page, 'history');

  // Revision 2, read-only: its own drawing (words as text, as the workspace shows every drawing)
  // and layout, marked, with no editing controls.
  const drawing = page.waitForRequest((r) => /\/map\.svg\?revision=2&labels=text$/.test(r.url()));
  const layout = page.waitForRequest((r) => /\/layout\?revision=2$/.test(r.url()));
  await page.getByRole('link', { name: 'Open revision 2' }).click();
  await Promise.all([drawing, layout]);
  await page.getByText('Revision 2 of 4, read-only').waitFor();
  await page.locator('svg image').waitFor();
  for (const name of ['Add a person', 'Edit person', 'Add a tie', 'Add information', 'Save']) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, `no "${name}" button`);
  }
  const list = page.getByRole('navigation', { name: 'People and places in this revision' });
  await list.getByRole('button', { name: 'Ethan Oduya' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Ethan Oduya', level: 2 }).waitFor();
  await panel.getByText('3 March 2011').waitFor();
  assert.equal(await panel.getByText('Ethan O', { exact: true }).count(), 0, 'revision 2 is before the new name');
  // The hit areas are this revision's: clicking Mia on the drawing selects her.
  await page.locator('rect[data-hit="p1"]').scrollIntoViewIfNeeded(); // as a user scrolls to it
  const box = await page.locator('rect[data-hit="p1"]').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await panel.getByRole('heading', { name: 'Mia Kowalczyk', level: 2 }).waitFor();
  await expectAccessible(page, 'revision read-only');
  await screenshot(page, 'revision');

  // The comparison, chosen on the history page: revision 1 with revision 3.
  await page.getByRole('link', { name: 'Back to the history' }).click();
  await page.getByLabel('Compare revision').selectOption('1');
  await page.getByLabel('with revision').selectOption('3');
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('heading', { level: 1, name: 'Changes from revision 1 to revision 3' }).waitFor();
  assert.match(page.url(), /\/compare\/1\/3$/);
  const changed = page.getByRole('region', { name: /^Changed/ });
  await changed.getByRole('heading', { name: 'Person: Ethan Oduya' }).waitFor();
  await changed.getByText("Ethan Oduya's date of birth changed from 30 January 2011 to 3 March 2011.").waitFor();
  await changed.getByText("Ethan Oduya's known-as names changed from E-Man to E-Man, Ethan O.").waitFor();
  assert.equal(await page.getByText(/grading/).count(), 0, 'the grading changed only in revision 4');
  await expectAccessible(page, 'compare');
  await screenshot(page, 'compare');

  // The last change, from the history's own link: the nested grading field.
  await page.getByRole('link', { name: 'Back to the history' }).click();
  await page.getByRole('link', { name: 'Changes in revision 4' }).click();
  await page.getByRole('heading', { level: 1, name: 'Changes from revision 3 to revision 4' }).waitFor();
  await page.getByText(/grading \(source\) changed from 1 to 2\.$/).waitFor();
  assert.deepEqual(incidents, []);
  await context.close();
});

test('another team’s practitioner gets no history, no revision and no comparison', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  const id = await page.getByRole('link', { name: /Peer mapping: Mia Kowalczyk/ }).getAttribute('href').then((h) => h.split('/')[2]);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, server.url, 'outsider');
  for (const [path, heading] of [[`/maps/${id}/history`, 'Map not found'], [`/maps/${id}/revisions/1`, 'Revision not found'],
    [`/maps/${id}/compare/1/2`, 'These revisions cannot be compared']]) {
    await page.goto(new URL(path, server.url).href);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(await page.getByText(/Mia Kowalczyk|Ethan Oduya/).count(), 0, path);
  }
  await expectAccessible(page, 'history refused');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('hostile names in the history, a revision and the comparison are shown as text', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const img = 'Ava "><img src=x onerror=alert(1)> Stone';
  const rtl = 'Noor \u202Egnp.exe\u202C Haddad';
  await patch(page, id, [
    { op: 'replace', path: '/people/2/full_name', value: img },
    { op: 'add', path: '/people/2/notes', value: '<script>alert("notes")</script>' },
    { op: 'replace', path: '/people/3/full_name', value: rtl },
  ]);
  const newest = JSON.parse(await page.evaluate(async (i) => (await fetch(`/api/maps/${i}/revisions`)).text(), id)).revisions.length;
  await page.goto(new URL(`/maps/${id}/compare/${newest - 1}/${newest}`, server.url).href);
  const changed = page.getByRole('region', { name: /^Changed/ });
  await changed.getByRole('heading', { name: `Person: ${img}` }).waitFor();
  await changed.getByText(`${img}'s notes set to “<script>alert("notes")</script>”.`).waitFor();
  await changed.getByText('Noor [U+202E]gnp.exe[U+202C] Haddad', { exact: false }).first().waitFor();
  assert.equal(await page.getByText(/\u202E/).count(), 0, 'no override reaches the screen');
  assert.equal(await page.locator('main img, main script').count(), 0);
  await expectAccessible(page, 'compare with hostile names');

  await page.getByRole('link', { name: `Open revision ${newest}` }).click();
  await page.getByText(`Revision ${newest} of ${newest}, read-only`).waitFor();
  await page.getByRole('navigation', { name: 'People and places in this revision' }).getByRole('button', { name: img }).click();
  await page.getByRole('complementary', { name: 'Selected' }).getByText('<script>alert("notes")</script>').waitFor();
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.getByRole('link', { name: 'Back to the history' }).click();
  await page.getByRole('table', { name: `Revisions (${newest})` }).waitFor();
  assert.deepEqual(incidents, []);
  await context.close();
});
