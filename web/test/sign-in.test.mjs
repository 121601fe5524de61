// A practitioner signs in (after mistyping the password), and signs out at the end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, password, screenshot, server, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

test('a practitioner mistypes the password, signs in, and signs out', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Sign in to peermap' }).waitFor();
  // The page may be drawn a moment before its address is replaced: wait for the address.
  await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 5000 }).catch(() => undefined);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  // The generic header carries the council's name, set by --council-name.
  await page.getByRole('link', { name: /Testshire Council/ }).waitFor();
  await expectAccessible(page, 'sign-in page');
  await screenshot(page, 'sign-in');

  await page.getByLabel('Username').fill('practitioner');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  await summary.getByRole('link', { name: 'The username or password is not right' }).waitFor();
  // The summary takes focus, and its link moves focus to the field.
  await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'), null, { timeout: 3000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary')), true);
  assert.equal(await page.getByLabel('Password').inputValue(), '', 'a refused password is cleared');
  await expectAccessible(page, 'sign-in with a wrong password');
  await screenshot(page, 'sign-in-wrong-password');
  await summary.getByRole('link', { name: 'The username or password is not right' }).click();
  await expectFocus(page, 'password');

  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Maps', level: 1 }).waitFor();
  await page.getByText('Signed in as practitioner (Exploitation Team)').waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to peermap' }).waitFor();
  await page.getByText('You have signed out.').waitFor();
  await expectAccessible(page, 'signed out');
  // The session is over on the server too: the API refuses the old cookie.
  assert.equal((await apiGet(page, '/api/maps')).status, 401);
  // Nothing was kept in the browser's storage.
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('after too many wrong passwords the wait is said in words', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  // Ten failures for the account (the throttle's limit), sent as a guesser would.
  for (let i = 0; i < 10; i += 1) {
    const r = await context.request.post(`${server.url}api/session`, {
      data: { username: 'outsider', password: `guess number ${i}` },
    });
    assert.equal(r.status(), 401);
  }
  await page.goto(`${server.url}sign-in`);
  const throttled = page.getByRole('alert').getByRole('link', {
    name: /too many failed sign-in attempts\. Wait \d+ seconds? and try again/,
  });
  // Past the limit each try must wait 1, 2, 4 ... s after the last failure; a slow try that
  // comes after the wait is checked (and fails) instead, so up to three tries are made.
  for (let i = 0; i < 3 && !(await throttled.isVisible()); i += 1) {
    await page.getByLabel('Username').fill('outsider');
    await page.getByLabel('Password').fill('another guess here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.hasAttribute('disabled'));
  }
  await throttled.waitFor();
  await expectAccessible(page, 'sign-in throttled');
  await screenshot(page, 'sign-in-throttled');
  assert.deepEqual(incidents, []);
  await context.close();
});
