// In the meeting, the room corrects what it recorded as it talks: the facilitator edits and
// removes information, and adds, edits and removes sightings, risks and strengths and
// information gaps, and the saved document holds exactly that. The server's refusals are shown
// at their fields. (People, places, groups and ties: forms.test.mjs.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browser, expectAccessible, expectFocus, openMap, savedMap, selectInList, server, tallScreenshot, useServerAndBrowser, watchedPage } from './support.mjs';


useServerAndBrowser({ imports: ['peer-group.json'] });

const openPeerGroup = (page) => openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);
const documentOf = savedMap;

test('information edited (a date in the future refused at its field; anecdotal, 5x5x5) and removed', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const { doc: before, etag } = await documentOf(page, id);
  const i8 = before.information.find((i) => i.id === 'i8');
  await selectInList(page, 'Ethan Oduya');
  await panel.getByRole('button', { name: /^Edit information “Ethan was found in two other cities/ }).click();
  await panel.getByRole('heading', { name: 'Edit information about Ethan Oduya' }).waitFor();
  assert.equal(await panel.getByLabel('What was said').inputValue(), i8.summary);
  await panel.getByLabel('Anecdotal', { exact: true }).check();
  await panel.getByLabel('Grading scheme').selectOption('5x5x5');
  await panel.getByLabel('Grading', { exact: true }).fill('B23');
  const observed = panel.getByRole('group', { name: /When it happened/ });
  await observed.getByLabel('Day').fill('1');
  await observed.getByLabel('Month').fill('1');
  await observed.getByLabel('Year').fill('2099');
  await panel.getByRole('button', { name: 'Save information' }).click();
  await panel.locator('.govuk-form-group--error', { has: page.getByRole('group', { name: /When it happened/ }) }).getByText(/Error:/).waitFor();
  assert.equal((await documentOf(page, id)).etag, etag, 'nothing saved');
  await expectAccessible(page, 'edit information with an error');
  await tallScreenshot(page, 'form-information-error');

  // Only the month is known: the day left out saves the month (a period, docs/format.md).
  await observed.getByLabel('Day').fill('');
  await observed.getByLabel('Year').fill('2026');
  await observed.getByLabel('Month').fill('10');
  await panel.getByRole('button', { name: 'Save information' }).click();
  await panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  await expectFocus(page, 'entry-i8', 'focus moves to the edited entry');
  let { doc } = await documentOf(page, id);
  assert.deepEqual(doc.information.find((i) => i.id === 'i8'), {
    ...i8, evidence: 'anecdotal', observed: '2026-10', grading: { scheme: '5x5x5', source: 'B', intelligence: 2, handling: 3 },
  });

  await panel.getByRole('button', { name: /^Remove information “Ethan was found in two other cities/ }).click();
  await panel.getByRole('button', { name: 'Yes, remove information item' }).click();
  await panel.getByText(/^Removed information “Ethan was found/).waitFor();
  ({ doc } = await documentOf(page, id));
  assert.ok(!doc.information.some((i) => i.id === 'i8'));
  assert.equal(doc.information.length, before.information.length - 1);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('a sighting: who, where, when and seen by whom; refused without a witness, then edited and removed', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const { doc: before } = await documentOf(page, id);
  await selectInList(page, 'Ethan Oduya');
  await panel.getByRole('button', { name: 'Add a sighting' }).click();
  await panel.getByRole('heading', { name: 'Add a sighting of Ethan Oduya' }).waitFor();
  const who = panel.getByRole('group', { name: 'Who was seen together' });
  assert.ok(await who.getByLabel('Ethan Oduya', { exact: true }).isChecked());
  await who.getByLabel('Zain Chaudhry', { exact: true }).check();
  await panel.getByLabel('Where').selectOption({ label: 'Moorside Recreation Ground' });
  const when = panel.getByRole('group', { name: 'When' });
  await when.getByLabel('Day').fill('8');
  await when.getByLabel('Month').fill('11');
  await when.getByLabel('Year').fill('2026');
  await panel.getByRole('button', { name: 'Save sighting' }).click();
  await panel.locator('.govuk-form-group--error', { has: page.getByLabel('Seen by') }).getByText(/Error:/).waitFor();
  await expectAccessible(page, 'add a sighting with an error');
  await tallScreenshot(page, 'form-sighting-error');
  await panel.getByLabel('Seen by').fill('Bethany Akinola, Youth Service');
  await panel.getByRole('button', { name: 'Save sighting' }).click();
  await panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  let { doc } = await documentOf(page, id);
  const added = doc.sightings.find((s) => !before.sightings.some((b) => b.id === s.id));
  assert.deepEqual(added, { id: added.id, people: ['p2', 'p4'], location: 'l2', date: '2026-11-08', seen_by: 'Bethany Akinola, Youth Service' });
  await expectFocus(page, `entry-${added.id}`);

  await panel.getByRole('button', { name: /^Edit the sighting of Ethan Oduya, Zain Chaudhry on 8 November 2026/ }).click();
  await panel.getByRole('heading', { name: 'Edit the sighting' }).waitFor();
  await panel.getByRole('group', { name: 'When' }).getByLabel('Day').fill('9');
  await panel.getByLabel('Notes (optional)').fill('By the pavilion, after dark.');
  await panel.getByRole('button', { name: 'Save sighting' }).click();
  await panel.getByText('By the pavilion, after dark.').waitFor();
  ({ doc } = await documentOf(page, id));
  assert.deepEqual(doc.sightings.find((s) => s.id === added.id), { ...added, date: '2026-11-09', notes: 'By the pavilion, after dark.' });

  await panel.getByRole('button', { name: /^Remove the sighting of Ethan Oduya, Zain Chaudhry on 9 November 2026/ }).click();
  await panel.getByRole('button', { name: 'Yes, remove sighting' }).click();
  await panel.getByText(/^Removed the sighting/).waitFor();
  ({ doc } = await documentOf(page, id));
  assert.deepEqual(doc.sightings, before.sightings);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('risks and strengths, and information gaps: added, edited and removed', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  const { doc: before } = await documentOf(page, id);
  await selectInList(page, 'Ethan Oduya');

  await panel.getByRole('button', { name: 'Add a risk or strength' }).click();
  await panel.getByRole('heading', { name: 'Add a risk or strength about Ethan Oduya' }).waitFor();
  await panel.getByLabel('Strength', { exact: true }).check();
  await panel.getByLabel('Description').fill('Close to his grandmother, who he visits every Sunday.');
  await expectAccessible(page, 'add a strength');
  await tallScreenshot(page, 'form-risk');
  await panel.getByRole('button', { name: 'Save risk or strength' }).click();
  await panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  let { doc } = await documentOf(page, id);
  const strength = doc.risks.find((r) => !before.risks.some((b) => b.id === r.id));
  assert.deepEqual(strength, { id: strength.id, kind: 'strength', about: 'p2', description: 'Close to his grandmother, who he visits every Sunday.' });
  await panel.getByRole('button', { name: /^Edit the strength “Close to his grandmother/ }).click();
  await panel.getByLabel('Description').fill('Close to his grandmother, Patience Oduya.');
  await panel.getByRole('button', { name: 'Save risk or strength' }).click();
  await panel.getByText('Close to his grandmother, Patience Oduya.', { exact: true }).waitFor();
  ({ doc } = await documentOf(page, id));
  assert.equal(doc.risks.find((r) => r.id === strength.id).description, 'Close to his grandmother, Patience Oduya.');
  await panel.getByRole('button', { name: /^Remove the strength “Close to his grandmother/ }).click();
  await panel.getByRole('button', { name: 'Yes, remove risk or strength' }).click();
  await panel.getByText(/^Removed the strength/).waitFor();
  ({ doc } = await documentOf(page, id));
  assert.deepEqual(doc.risks, before.risks);

  await selectInList(page, 'Ethan Oduya');
  await panel.getByRole('button', { name: 'Add an information gap' }).click();
  await panel.getByRole('heading', { name: 'Add an information gap about Ethan Oduya' }).waitFor();
  await panel.getByLabel('What is not known').fill('Who gave Ethan the second phone?');
  await panel.getByRole('group', { name: 'About whom' }).getByLabel('Reece Haldane', { exact: true }).check();
  await panel.getByLabel('Who will find out (optional)').fill('Rachel Adeyemi, Police');
  const due = panel.getByRole('group', { name: /By when/ });
  await due.getByLabel('Day').fill('1');
  await due.getByLabel('Month').fill('12');
  await due.getByLabel('Year').fill('2026');
  await expectAccessible(page, 'add an information gap');
  await tallScreenshot(page, 'form-gap');
  await panel.getByRole('button', { name: 'Save information gap' }).click();
  await panel.getByRole('heading', { level: 2, name: 'Ethan Oduya', exact: true }).waitFor();
  ({ doc } = await documentOf(page, id));
  const gap = doc.gaps.find((g) => !before.gaps.some((b) => b.id === g.id));
  assert.deepEqual(gap, { id: gap.id, question: 'Who gave Ethan the second phone?', about: ['p2', 'p19'], owner: 'Rachel Adeyemi, Police', due: '2026-12-01' });
  await panel.getByRole('button', { name: /^Edit the gap “Who gave Ethan the second phone/ }).click();
  await panel.getByLabel('Who will find out (optional)').fill('Owen Castellano, CSC');
  await panel.getByRole('button', { name: 'Save information gap' }).click();
  await panel.getByText(/Who will find out: Owen Castellano, CSC/).waitFor();
  ({ doc } = await documentOf(page, id));
  assert.equal(doc.gaps.find((g) => g.id === gap.id).owner, 'Owen Castellano, CSC');
  await panel.getByRole('button', { name: /^Remove the gap “Who gave Ethan the second phone/ }).click();
  await panel.getByRole('button', { name: 'Yes, remove information gap' }).click();
  await panel.getByText(/^Removed the gap/).waitFor();
  ({ doc } = await documentOf(page, id));
  assert.deepEqual(doc.gaps, before.gaps);
  assert.deepEqual(incidents, []);
  await context.close();
});

