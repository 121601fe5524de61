// The session ends mid-meeting (here: the user is signed out elsewhere) while the facilitator
// is typing a new person. Saving asks for the password again; once signed in, the person is
// saved with everything that was typed, and the page never left the editor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, password, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['ecomap-child.json'] });

test('a session that ends mid-meeting: sign in again and nothing typed is lost', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  await page.getByRole('link', { name: /Ecomap and pre-mapping/ }).click();
  await page.locator('svg image').waitFor();
  const url = page.url();
  await page.getByRole('button', { name: 'Add a person' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByLabel('Full name').fill('Marcus Delacroix-Hale');
  await panel.getByLabel('School (optional)').fill('Kingsmead Academy');
  await panel.getByLabel('Notes (optional)').fill('Said to collect Leon from the Chicken Stop after school.');

  // The session ends on the server: the same cookie is signed out from another tab.
  const session = await context.request.get(`${server.url}api/session`);
  const { csrf_token } = await session.json();
  assert.equal((await context.request.delete(`${server.url}api/session`, { headers: { 'X-CSRF-Token': csrf_token } })).status(), 204);

  await panel.getByRole('button', { name: 'Save person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
  await dialog.waitFor();
  await expectAccessible(page, 'session ended: sign in again');
  await screenshot(page, 'session-ended');
  await dialog.getByLabel('Password').fill('not my password');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.getByRole('link', { name: 'The username or password is not right' }).waitFor();
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // The save went through after the sign-in, with what was typed before the session ended.
  await panel.getByRole('heading', { name: 'Marcus Delacroix-Hale', level: 2 }).waitFor();
  assert.equal(page.url(), url, 'still in the editor');
  const id = new URL(url).pathname.split('/')[2];
  const saved = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body).people.find((p) => p.full_name === 'Marcus Delacroix-Hale');
  assert.equal(saved.school, 'Kingsmead Academy');
  assert.equal(saved.notes, 'Said to collect Leon from the Chicken Stop after school.');
  assert.deepEqual(incidents, []);
  await context.close();
});
