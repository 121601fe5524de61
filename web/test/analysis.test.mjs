// After the meeting's first round: the facilitator opens the analysis, reads the findings in
// plain language and goes from a finding to the child it names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, screenshot, server, signIn, useServerAndBrowser, watchedPage, expectFocus } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

test('the analysis panel shows the findings and each links to the people it names', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);
  await page.getByRole('link', { name: /Peer mapping: Mia Kowalczyk/ }).click();
  await page.locator('svg image').waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];

  await page.getByRole('button', { name: 'Analysis' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Analysis', level: 2 }).waitFor();
  await expectFocus(page, 'panel-heading', 'focus moves to the panel');
  // The same findings the route serves (and `peermap analyze --json` prints), in their words.
  const served = JSON.parse((await apiGet(page, `/api/maps/${id}/analysis`)).body);
  assert.ok(served.findings.length > 3);
  const exposure = served.findings.find((f) => f.kind === 'exposure' && f.text.startsWith('Ethan Oduya'));
  assert.ok(exposure, 'an exposure finding about Ethan Oduya');
  const item = panel.getByRole('listitem').filter({ hasText: exposure.text });
  await item.first().waitFor();
  assert.equal(await panel.locator('ol.pm-findings > li').count(), served.findings.length);
  await expectAccessible(page, 'editor, analysis panel');
  await screenshot(page, 'editor-analysis');

  // Its people are buttons: choosing one selects them in the panel (and on the drawing).
  await item.first().getByRole('button', { name: 'Ethan Oduya' }).click();
  await panel.getByRole('heading', { name: 'Ethan Oduya', level: 2 }).waitFor();
  assert.equal(await page.locator('rect[data-hit="p2"].pm-hit--selected').count(), 1);
  await expectAccessible(page, 'editor, a person from the analysis');

  // Another team may not read it.
  const other = await browser.newContext();
  const outsider = await other.newPage();
  await signIn(outsider, server.url, 'outsider');
  assert.equal((await apiGet(outsider, `/api/maps/${id}/analysis`)).status, 404);
  await other.close();

  assert.deepEqual(incidents, []);
  await context.close();
});
