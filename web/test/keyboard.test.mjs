// The facilitator works without the mouse: signs in, opens the map, finds a person in the
// text alternative, adds a new person and zooms the drawing, all by keyboard, with visible
// focus on every control reached.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, password, screenshot, server, tabTo, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['ecomap-child.json'] });

test('by keyboard alone: sign in, open a map, select a person, add a person, zoom', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Sign in to peermap' }).waitFor();
  await tabTo(page, (f) => f.label === 'Username');
  await page.keyboard.type('practitioner');
  await tabTo(page, (f) => f.label === 'Password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Maps', level: 1 }).waitFor();

  await tabTo(page, (f) => f.text.startsWith('Ecomap and pre-mapping'));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /Ecomap and pre-mapping/ }).waitFor();
  await page.locator('svg image').waitFor();

  await tabTo(page, (f) => f.text.startsWith('Grace Mbatha'));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Grace Mbatha', level: 2 }).waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Grace Mbatha', null, { timeout: 3000 }).catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Grace Mbatha', 'focus moved to the panel');
  await screenshot(page, 'keyboard-person');

  // Back to the list's "Add a person" with Shift+Tab, then fill the form by keyboard.
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Shift+Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Add a person') break;
  }
  await page.keyboard.press('Enter');
  await panel.getByRole('heading', { name: 'Add a person' }).waitFor();
  await tabTo(page, (f) => f.label === 'Full name');
  await page.keyboard.type('Priya Natarajan');
  await tabTo(page, (f) => f.label === 'Role');
  await page.keyboard.press('End'); // the last role: Other
  await tabTo(page, (f) => f.text === 'Save person');
  await expectAccessible(page, 'keyboard: the add-a-person form');
  await page.keyboard.press('Enter');
  await panel.getByRole('heading', { name: 'Priya Natarajan', level: 2 }).waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];
  const saved = JSON.parse((await apiGet(page, `/api/maps/${id}`)).body).people.find((p) => p.full_name === 'Priya Natarajan');
  assert.equal(saved.role, 'other');

  // The drawing: focus it and zoom with the keyboard.
  await page.getByRole('group', { name: /Map drawing/ }).focus();
  const fitted = await page.locator('.pm-map__drawing').getAttribute('viewBox');
  await page.keyboard.press('-');
  assert.notEqual(await page.locator('.pm-map__drawing').getAttribute('viewBox'), fitted);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('at 200% zoom the editor stacks into one column and stays usable', async () => {
  // A 1366×768 laptop at 200% zoom gives the page 683×384 CSS pixels.
  const { page, incidents, context } = await watchedPage(browser, { width: 683, height: 384 });
  await page.goto(server.url);
  await page.getByLabel('Username').fill('practitioner');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /Ecomap and pre-mapping/ }).click();
  await page.locator('svg image').waitFor();
  const list = page.getByRole('navigation', { name: 'People and places' });
  const map = page.getByRole('region', { name: 'Map' });
  const [listBox, mapBox] = [await list.boundingBox(), await map.boundingBox()];
  assert.ok(mapBox.width > 600 && listBox.width > 600, 'one column, full width');
  // Nothing is wider than the window: no sideways scrolling.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1));
  await list.getByRole('button', { name: /^Leon Mbatha-Hughes/ }).click();
  await page.getByRole('complementary', { name: 'Selected' }).getByRole('heading', { name: 'Leon Mbatha-Hughes' }).waitFor();
  await expectAccessible(page, 'editor at 200% zoom');
  await screenshot(page, 'editor-zoom-200');
  assert.deepEqual(incidents, []);
  await context.close();
});

test('on a slow machine the focus a form takes as it opens never pulls the user out of a field', async () => {
  // In a meeting the facilitator presses Enter on "Add a person" and tabs on at once, before the
  // form has finished appearing. The heading takes the focus as the form opens, not afterwards.
  const { page, incidents, context } = await watchedPage(browser);
  await page.goto(server.url);
  await page.getByLabel('Username').fill('practitioner');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /Ecomap and pre-mapping/ }).click();
  await page.locator('svg image').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  const add = page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: 'Add a person' });
  for (let round = 0; round < 3; round += 1) {
    await add.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(() => document.activeElement?.id);
    // Two frames later the focus is still where the keys put it.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))));
    const now = await page.evaluate(() => ({ id: document.activeElement?.id, tag: document.activeElement?.tagName }));
    assert.equal(now.tag === 'H2' ? 'the heading' : now.id, reached, `round ${round}: the focus stayed in the field reached`);
    assert.notEqual(now.tag, 'H2', `round ${round}: the heading did not take the focus back`);
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.deepEqual(incidents, []);
  await context.close();
});
