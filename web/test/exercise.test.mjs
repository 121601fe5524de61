// The exercise around the map: the facilitator records the meeting and who attended, the
// outcomes and actions it agreed, and corrects the map's own details (what Create a map asked),
// all in "About this map". The saved document holds exactly what was entered; the server's
// refusals are shown at their fields and nothing is saved; the keyboard alone is enough.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browser, expectAccessible, expectFocus, keyboardUser, openMap, savedMap, selectInList, server, tallScreenshot, useServerAndBrowser, watchedPage,
} from './support.mjs';

useServerAndBrowser({ imports: ['peer-group.json'] });

const openPeerGroup = (page) => openMap(page, server.url, /Peer mapping: Mia Kowalczyk/);

/** Opens "About this map" from the editor's bar: the panel's heading takes the focus. */
async function openAbout(page) {
  await page.getByRole('button', { name: 'About this map' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { level: 2, name: 'About this map' }).waitFor();
  await expectFocus(page, 'panel-heading', 'focus moves to the panel');
  return panel;
}

/** The form group in error around `control` (a locator from the page), within `scope`. */
const inError = (scope, control) => scope.locator('.govuk-form-group--error', { has: control });

test('a meeting and its attendees: an attendee with an initial refused at their name, nothing saved; then saved, edited and removed', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const { doc: before, etag } = await savedMap(page, id);
  const panel = await openAbout(page);
  await panel.getByRole('heading', { name: 'Meetings (1)' }).waitFor();
  await panel.getByText('Bethany Akinola, Youth Service (Detached Youth Worker)').waitFor();

  await panel.getByRole('button', { name: 'Add a meeting' }).click();
  await panel.getByRole('heading', { name: 'Add a meeting' }).waitFor();
  const date = panel.getByRole('group', { name: /Date of the meeting/ });
  assert.equal(await date.getByLabel('Year').inputValue(), '2026', 'the map date to start from');
  await date.getByLabel('Day').fill('24');
  await date.getByLabel('Month').fill('11');
  await panel.getByLabel('Objectives (optional)').fill('Review the actions agreed on 10 November.');
  const first = panel.getByRole('group', { name: 'Attendee 1' });
  await first.getByLabel('Full name').fill('O. Castellano');
  await first.getByText('“O.” looks like an initial: use the full name.').waitFor();
  await first.getByLabel('Agency').fill("Children's Social Care");
  await first.getByLabel('Role (optional)').fill('Social Worker, chair');
  await panel.getByRole('button', { name: 'Add another attendee' }).click();
  await expectFocus(page, 'attendee-1-name', 'focus moves to the new attendee');
  const second = panel.getByRole('group', { name: 'Attendee 2' });
  await second.getByLabel('Full name').fill('Hannah Whitfield');
  await second.getByLabel('Agency').fill('Hollybrook Community School');
  await panel.getByRole('button', { name: 'Save meeting' }).click();

  // The server's full-name rule, at attendee 1's name and in the summary; nothing saved.
  const summary = panel.getByRole('alert');
  await summary.getByText('There is a problem').waitFor();
  await summary.getByRole('link', { name: /"O\. Castellano" contains an initial/ }).waitFor();
  await inError(first, page.getByLabel('Full name')).getByText(/Error: "O\. Castellano" contains an initial/).waitFor();
  assert.equal(await inError(second, page.getByLabel('Full name')).count(), 0, 'only the attendee at fault');
  assert.equal((await savedMap(page, id)).etag, etag, 'nothing saved');
  assert.equal(await second.getByLabel('Full name').inputValue(), 'Hannah Whitfield', 'typed values stay');
  await expectAccessible(page, 'add a meeting with an error');
  await tallScreenshot(page, 'form-meeting-error');
  await summary.getByRole('link').first().click();
  await expectFocus(page, 'attendee-0-name', 'the summary links to the field');

  await first.getByLabel('Full name').fill('Owen Castellano');
  await panel.getByRole('button', { name: 'Save meeting' }).click();
  await panel.getByRole('heading', { level: 2, name: 'About this map' }).waitFor();
  let { doc } = await savedMap(page, id);
  const meeting = doc.meetings.find((m) => m.date === '2026-11-24');
  assert.deepEqual(meeting, {
    id: meeting.id,
    date: '2026-11-24',
    objectives: 'Review the actions agreed on 10 November.',
    attendees: [
      { name: 'Owen Castellano', agency: "Children's Social Care", role: 'Social Worker, chair' },
      { name: 'Hannah Whitfield', agency: 'Hollybrook Community School' },
    ],
  });
  assert.deepEqual(doc.meetings[0], before.meetings[0], 'the first meeting is as it was');
  await expectFocus(page, `entry-${meeting.id}`, 'focus moves to the new meeting');
  await panel.getByRole('heading', { name: 'Meetings (2)' }).waitFor();
  await expectAccessible(page, 'about this map with two meetings');
  await tallScreenshot(page, 'about-this-map');

  // In the text alternative too.
  const list = page.getByRole('navigation', { name: 'People and places' });
  await list.getByText('Meetings (2)').click();
  await list.getByRole('button', { name: '24 November 2026: Owen Castellano, Hannah Whitfield' }).waitFor();

  // Edit: attendee 1 leaves the record; the first meeting's Bethany Akinola is linked to the map.
  await panel.getByRole('button', { name: 'Edit the meeting on 24 November 2026' }).click();
  await panel.getByRole('heading', { name: 'Edit the meeting on 24 November 2026' }).waitFor();
  await panel.getByRole('button', { name: 'Remove attendee 1 (Owen Castellano)' }).click();
  await expectFocus(page, 'attendee-0-name', 'focus moves to the attendee now first');
  assert.equal(await panel.getByRole('group', { name: 'Attendee 1' }).getByLabel('Full name').inputValue(), 'Hannah Whitfield');
  await panel.getByRole('button', { name: 'Add another attendee' }).click();
  const linked = panel.getByRole('group', { name: 'Attendee 2' });
  await linked.getByLabel('On the map as (optional)').selectOption({ label: 'Bethany Akinola' });
  assert.equal(await linked.getByLabel('Full name').inputValue(), 'Bethany Akinola', 'filled from the map');
  assert.equal(await linked.getByLabel('Agency').inputValue(), 'Youth Service');
  assert.equal(await linked.getByLabel('Role (optional)').inputValue(), 'Detached Youth Worker');
  await expectAccessible(page, 'edit a meeting');
  await tallScreenshot(page, 'form-meeting-edit');
  await panel.getByRole('button', { name: 'Save meeting' }).click();
  await panel.getByText('Bethany Akinola, Youth Service (Detached Youth Worker; on the map as Bethany Akinola)').waitFor();
  ({ doc } = await savedMap(page, id));
  assert.deepEqual(doc.meetings.find((m) => m.id === meeting.id).attendees, [
    { name: 'Hannah Whitfield', agency: 'Hollybrook Community School' },
    { name: 'Bethany Akinola', agency: 'Youth Service', role: 'Detached Youth Worker', person: 'p22' },
  ]);

  await panel.getByRole('button', { name: 'Remove the meeting on 24 November 2026' }).click();
  await panel.getByRole('heading', { name: 'Remove the meeting on 24 November 2026?' }).waitFor();
  await expectAccessible(page, 'remove a meeting');
  await panel.getByRole('button', { name: 'Yes, remove meeting' }).click();
  await panel.getByText('Removed the meeting on 24 November 2026').waitFor();
  await expectFocus(page, 'notice-text');
  ({ doc } = await savedMap(page, id));
  assert.deepEqual(doc.meetings, before.meetings);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('an outcome or action: refused without an owner at its field; saved with its owner on the map; another marked cancelled; removed', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const { doc: before, etag } = await savedMap(page, id);
  const panel = await openAbout(page);
  await panel.getByRole('heading', { name: `Outcomes and actions (${before.actions.length})` }).waitFor();

  await panel.getByRole('button', { name: 'Add an outcome or action' }).click();
  await panel.getByRole('heading', { name: 'Add an outcome or action' }).waitFor();
  await panel.getByLabel('Outcome or action').selectOption({ label: 'Disruption planning' });
  await panel.getByLabel('What is to be done').fill('Detached youth work at Moorside Recreation Ground on Friday evenings.');
  const due = panel.getByRole('group', { name: /Due by/ });
  await due.getByLabel('Day').fill('4');
  await due.getByLabel('Month').fill('12');
  await due.getByLabel('Year').fill('2026');
  await panel.getByRole('button', { name: 'Save action' }).click();
  await panel.getByRole('alert').getByText('There is a problem').waitFor();
  await inError(panel, page.getByLabel('Owner', { exact: true })).getByText('Error: Enter who owns the action').waitFor();
  assert.equal((await savedMap(page, id)).etag, etag, 'nothing saved');
  await expectAccessible(page, 'add an action with an error');
  await tallScreenshot(page, 'form-action-error');

  // What it is about: the subject child and the place, chosen from the short list.
  const about = panel.getByRole('group', { name: /^About \(optional\)/ });
  await about.getByLabel('Mia Kowalczyk').check();
  await about.getByLabel('Moorside Recreation Ground').check();
  await panel.getByLabel('Owner on the map (optional)').selectOption({ label: 'Bethany Akinola' });
  assert.equal(await panel.getByLabel('Owner', { exact: true }).inputValue(), 'Bethany Akinola, Youth Service', 'filled from the map');
  await panel.getByRole('button', { name: 'Save action' }).click();
  await panel.getByRole('heading', { name: `Outcomes and actions (${before.actions.length + 1})` }).waitFor();
  let { doc } = await savedMap(page, id);
  const added = doc.actions.at(-1);
  assert.deepEqual(added, {
    id: added.id,
    type: 'disruption-planning',
    description: 'Detached youth work at Moorside Recreation Ground on Friday evenings.',
    about: ['p1', 'l2'],
    owner: 'Bethany Akinola, Youth Service',
    owner_person: 'p22',
    due: '2026-12-04',
    status: 'open',
  });
  await expectFocus(page, `entry-${added.id}`, 'focus moves to the new action');
  await panel.getByText('Owner: Bethany Akinola, Youth Service (on the map as Bethany Akinola) · due 4 December 2026').waitFor();
  const list = page.getByRole('navigation', { name: 'People and places' });
  await list.getByText(`Outcomes and actions (${before.actions.length + 1})`).click();
  await list.getByRole('button', { name: 'Disruption planning: Detached youth work at Moorside Recreation Ground on Friday evenings. (Bethany Akinola, Youth Service, open)' }).waitFor();

  // An action the meeting agreed is cancelled; what it is about is kept.
  const a4 = before.actions.find((a) => a.id === 'a4');
  await panel.getByRole('button', { name: /^Edit the action “Refer Reece Haldane, Marcus Delacroix/ }).click();
  await panel.getByRole('heading', { name: 'Edit the action' }).waitFor();
  assert.equal(await panel.getByLabel('Outcome or action').inputValue(), 'pimm-referral');
  // What it is about is shown checked, and kept.
  const editedAbout = panel.getByRole('group', { name: /^About \(optional\)/ });
  const checked = await editedAbout.getByRole('checkbox', { checked: true }).evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.deepEqual(checked.sort(), [...a4.about].sort());
  await panel.getByLabel('Cancelled').check();
  await expectAccessible(page, 'edit an action');
  await tallScreenshot(page, 'form-action-edit');
  await panel.getByRole('button', { name: 'Save action' }).click();
  await expectFocus(page, 'entry-a4', 'focus moves to the edited action');
  ({ doc } = await savedMap(page, id));
  assert.deepEqual(doc.actions.find((a) => a.id === 'a4'), { ...a4, status: 'cancelled' });

  // Removing the person who owns it leaves the action, owned in words, no longer linked.
  await selectInList(page, 'Bethany Akinola');
  await panel.getByRole('heading', { name: 'Outcomes and actions (1)' }).waitFor();
  await panel.getByText('Detached youth work at Moorside Recreation Ground on Friday evenings. (they own it, open)').waitFor();
  await expectAccessible(page, "a person's panel with the action they own");
  await panel.getByRole('button', { name: 'Remove person' }).click();
  await panel.getByText('These will no longer name Bethany Akinola:').waitFor();
  await panel.getByRole('listitem').filter({ hasText: /^the action “Detached youth work at Moorside/ }).waitFor();
  await panel.getByRole('button', { name: 'Yes, remove person' }).click();
  await panel.getByText('Removed Bethany Akinola').waitFor();
  ({ doc } = await savedMap(page, id));
  const { owner_person: _, ...unlinked } = added;
  assert.deepEqual(doc.actions.find((a) => a.id === added.id), unlinked);
  assert.ok(!JSON.stringify(doc).includes('"p22"'), 'nothing names Bethany Akinola');
  await openAbout(page);

  await panel.getByRole('button', { name: /^Remove the action “Detached youth work at Moorside/ }).click();
  await panel.getByRole('button', { name: 'Yes, remove action' }).click();
  await panel.getByText(/^Removed the action “Detached youth work/).waitFor();
  ({ doc } = await savedMap(page, id));
  assert.equal(doc.actions.length, before.actions.length);
  assert.ok(!doc.actions.some((a) => a.id === added.id));
  assert.deepEqual(incidents, []);
  await context.close();
});

test("the map's own details: a review date before the map date refused at its field; then saved, and undone", async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const { doc: before, etag } = await savedMap(page, id);
  const panel = await openAbout(page);
  await panel.getByRole('button', { name: 'Edit map details' }).click();
  await panel.getByRole('heading', { name: "Edit the map's details" }).waitFor();
  assert.equal(await panel.getByLabel('Title').inputValue(), before.map.title);
  const review = panel.getByRole('group', { name: /Review date/ });
  await review.getByLabel('Day').fill('1');
  await review.getByLabel('Month').fill('11');
  await review.getByLabel('Year').fill('2026');
  await panel.getByRole('button', { name: 'Save map details' }).click();
  await panel.getByRole('alert').getByText('There is a problem').waitFor();
  await inError(panel, page.getByRole('group', { name: /Review date/ })).getByText('Error: The review date must not be before the map date, 10 November 2026').waitFor();
  assert.equal((await savedMap(page, id)).etag, etag, 'nothing saved');
  await expectAccessible(page, 'edit the map details with an error');
  await tallScreenshot(page, 'form-map-details-error');

  await review.getByLabel('Day').fill('10');
  await review.getByLabel('Month').fill('3');
  await review.getByLabel('Year').fill('2027');
  await panel.getByLabel('Title').fill('Peer mapping: Mia Kowalczyk, Ethan Oduya and Kacper Nowicki');
  const subjects = panel.getByRole('group', { name: 'Subject children' });
  await subjects.getByLabel('Kacper Nowicki', { exact: true }).check();
  const concerns = panel.getByRole('group', { name: 'Concern type' });
  await concerns.getByLabel('County lines').uncheck();
  await panel.getByLabel('Other concern types (optional)').fill('missing from home');
  await panel.getByLabel('Status').selectOption({ label: 'Review due' });
  await panel.getByLabel('Protective marking').selectOption('OFFICIAL');
  await expectAccessible(page, 'edit the map details');
  await tallScreenshot(page, 'form-map-details');
  await panel.getByRole('button', { name: 'Save map details' }).click();
  await page.getByRole('heading', { level: 1, name: 'Peer mapping: Mia Kowalczyk, Ethan Oduya and Kacper Nowicki' }).waitFor();
  await panel.getByRole('heading', { level: 2, name: 'About this map' }).waitFor();
  await expectFocus(page, 'panel-heading', 'focus back on the panel');
  let { doc } = await savedMap(page, id);
  assert.deepEqual(doc.map, {
    ...before.map,
    title: 'Peer mapping: Mia Kowalczyk, Ethan Oduya and Kacper Nowicki',
    subject_children: ['p1', 'p2', 'p5'],
    concern_types: ['criminal exploitation', 'sexual exploitation', 'serious youth violence', 'missing from home'],
    status: 'review-due',
    review_date: '2027-03-10',
    protective_marking: 'OFFICIAL',
  });
  await panel.getByText('Criminal exploitation, Sexual exploitation, Serious youth violence, Missing from home').waitFor();
  await page.getByText('OFFICIAL', { exact: true }).first().waitFor();

  // Undo puts the details back as they were, as a new revision.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { level: 1, name: before.map.title }).waitFor();
  ({ doc } = await savedMap(page, id));
  assert.deepEqual(doc.map, before.map);
  assert.deepEqual(incidents, []);
  await context.close();
});

test('by keyboard alone: an action added in About this map', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const id = await openPeerGroup(page);
  const { doc: before } = await savedMap(page, id);
  const user = keyboardUser(page);
  await user.press('About this map');
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { level: 2, name: 'About this map' }).waitFor();
  await user.press('Add an outcome or action');
  await panel.getByRole('heading', { name: 'Add an outcome or action' }).waitFor();
  await user.choose('Outcome or action', 'Safety plan');
  await user.fill('What is to be done', 'Safety plan for Ethan Oduya with his mum: who to call, when he is missing.');
  await user.fill('Owner', 'Owen Castellano, CSC Exploitation Team');
  await user.pick('Done');
  await expectAccessible(page, 'keyboard: the add-an-action form');
  await user.press('Save action');
  await panel.getByRole('heading', { name: `Outcomes and actions (${before.actions.length + 1})` }).waitFor();
  const { doc } = await savedMap(page, id);
  const added = doc.actions.at(-1);
  assert.deepEqual(added, {
    id: added.id,
    type: 'safety-plan',
    description: 'Safety plan for Ethan Oduya with his mum: who to call, when he is missing.',
    owner: 'Owen Castellano, CSC Exploitation Team',
    status: 'done',
  });
  await expectFocus(page, `entry-${added.id}`, 'focus moves to the new action');
  assert.deepEqual(incidents, []);
  await context.close();
});

test("the map's details edited in two browsers: both versions side by side, and keep mine", async () => {
  const a = await watchedPage(browser);
  const b = await watchedPage(browser);
  const id = await openPeerGroup(a.page);
  await openPeerGroup(b.page);
  const { doc: original } = await savedMap(a.page, id);
  const editDetails = async (page) => {
    const panel = await openAbout(page);
    await panel.getByRole('button', { name: 'Edit map details' }).click();
    await panel.getByRole('heading', { name: "Edit the map's details" }).waitFor();
    return panel;
  };
  const mine = await editDetails(a.page);
  const theirs = await editDetails(b.page);

  // They save first: a shorter purpose.
  await theirs.getByLabel('Purpose and objectives').fill('Who leads the Moorside street group, and who protects Mia and Ethan.');
  await theirs.getByRole('button', { name: 'Save map details' }).click();
  await theirs.getByRole('heading', { level: 2, name: 'About this map' }).waitFor();

  // I save a new title: the same item (the map's details) changed under me.
  await mine.getByLabel('Title').fill('Peer mapping: the Moorside street group');
  await mine.getByRole('button', { name: 'Save map details' }).click();
  const conflict = mine.getByRole('region', { name: "Someone else changed the map's details while you were editing" });
  await conflict.waitFor();
  await expectFocus(a.page, 'conflict-heading', 'focus moves to the choice');
  const title = conflict.getByRole('row', { name: /^Title/ });
  await title.getByRole('cell', { name: original.map.title, exact: true }).waitFor();
  await title.getByRole('cell', { name: 'Peer mapping: the Moorside street group', exact: true }).waitFor();
  await conflict.getByRole('row', { name: /^Purpose and objectives/ })
    .getByRole('cell', { name: 'Who leads the Moorside street group, and who protects Mia and Ethan.', exact: true }).waitFor();
  assert.equal((await savedMap(a.page, id)).doc.map.title, original.map.title, 'nothing of mine saved yet');
  await expectAccessible(a.page, "a conflict over the map's details");
  await tallScreenshot(a.page, 'conflict-map-details');

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await a.page.getByRole('heading', { level: 1, name: 'Peer mapping: the Moorside street group' }).waitFor();
  assert.deepEqual((await savedMap(a.page, id)).doc.map, { ...original.map, title: 'Peer mapping: the Moorside street group' });
  assert.deepEqual(a.incidents, []);
  assert.deepEqual(b.incidents, []);
  await a.context.close();
  await b.context.close();
});
