// Projector mode, for the shared screen: the map wider and the selected person's details larger,
// with the list, the views and every editing control put away; Escape or the button brings
// them back, and what was being typed is still there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, openMap, screenshot, selectInList, server, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

test('projector mode shows the map and the details larger, hides the editing, and comes back', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await openMap(page, server.url, /Moorside/);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const list = page.getByRole('navigation', { name: 'People and places' });
  const map = page.getByRole('region', { name: 'Map' });
  await selectInList(page, 'Ethan Oduya');
  // Half a form typed before the room looks: it must survive.
  await panel.getByRole('button', { name: 'Add information' }).click();
  await panel.getByLabel('What was said').fill('Seen at the car park twice');
  const widthBefore = (await map.boundingBox()).width;

  const toggle = page.getByRole('button', { name: 'Projector mode' });
  await toggle.click();
  await page.getByRole('button', { name: 'Leave projector mode', pressed: true }).waitFor();
  assert.equal(await list.isVisible(), false, 'the list is put away');
  for (const name of ['Undo', 'Analysis', 'Tidy the whole map', 'Save information']) {
    assert.equal(await page.getByRole('button', { name }).count(), 0, `no "${name}" control`);
  }
  assert.equal(await page.getByText('Change the view').isVisible(), false);
  assert.ok((await map.boundingBox()).width > widthBefore * 1.2, 'the map takes the list\'s room');
  await expectAccessible(page, 'projector mode');

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Projector mode', pressed: false }).waitFor();
  await expectFocus(page, 'projector-toggle', 'focus returns to the toggle');
  assert.equal(await list.isVisible(), true);
  assert.equal(await panel.getByLabel('What was said').inputValue(), 'Seen at the car park twice', 'what was typed is still there');

  // In projector mode the room can still ask "who is that?": a click on the map selects.
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await toggle.click();
  const mia = await page.locator('rect[data-hit="p1"]').boundingBox();
  await page.mouse.click(mia.x + mia.width / 2, mia.y + mia.height / 2);
  await panel.getByRole('heading', { level: 2, name: 'Mia Kowalczyk', exact: true }).waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Edit person' }).count(), 0, 'no editing in projector mode');
  const details = await panel.getByText('Child (15 years old at the map date)').evaluate((e) => parseFloat(getComputedStyle(e).fontSize) * Number(getComputedStyle(e.closest('.pm-editor__panel')).zoom || 1));
  assert.ok(details >= 19 * 1.3, `the details are larger (${details}px)`);
  await expectAccessible(page, 'projector mode, a person selected');
  await screenshot(page, 'projector');
  assert.deepEqual(incidents, []);
  await context.close();
});
