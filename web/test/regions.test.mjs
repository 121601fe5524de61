// In the meeting, the facilitator picks out a group whose members are scattered across the map:
// it is drawn as a band linking them (no outline), and choosing the band selects the group.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, browser, expectAccessible, openMap, savedMap, server, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

test('a scattered group is a line on the drawing, and choosing the line selects the group', async () => {
  const { page, incidents } = await watchedPage(browser);
  const id = await openMap(page, server.url, 'Peer mapping: Mia Kowalczyk, Ethan Oduya and the Moorside street group');
  const layout = JSON.parse((await apiGet(page, `/api/maps/${id}/layout`)).body);
  const group = layout.regions.find((r) => r.kind === 'group' && r.shape === 'line');
  assert.ok(group, 'a group drawn as a line');
  assert.deepEqual(group.polygon, []);
  assert.ok(group.line.length >= 2);
  const { doc } = await savedMap(page, id);
  const name = doc.groups.find((g) => g.id === group.id).name;

  // A point on the band that nothing else covers (a person's hit area sits above it).
  const hit = await page.evaluate((regionIndex) => {
    const line = document.querySelectorAll('svg polyline.pm-hit--line, svg polygon.pm-hit')[regionIndex];
    if (!(line instanceof SVGPolylineElement)) return null;
    const length = line.getTotalLength();
    for (let k = 1; k < 200; k++) {
      const p = line.getPointAtLength((length * k) / 200).matrixTransform(line.getScreenCTM());
      if (document.elementFromPoint(p.x, p.y) === line) return { x: p.x, y: p.y };
    }
    return null;
  }, layout.regions.indexOf(group));
  assert.ok(hit, 'some of the band can be pointed at');
  await page.mouse.click(hit.x, hit.y);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name, level: 2 }).waitFor();
  assert.equal(await page.locator('polyline.pm-hit--line.pm-hit--selected').count(), 1);
  await expectAccessible(page, 'editor, a scattered group selected by its line');
  assert.deepEqual(incidents, []);
});
