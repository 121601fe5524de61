// The meeting scenario of meeting.test.mjs by keyboard alone: the facilitator never touches the
// mouse. Every control is reached with Tab or Shift+Tab (its focus visible each time), fields are
// typed into, selects moved with the arrows, boxes ticked with Space, buttons pressed with Enter,
// and the command bar opened with Ctrl+K. A partner on another laptop (with a mouse) edits the
// same person; the facilitator resolves the conflict by keyboard, and the document read back
// holds exactly what was entered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exploitation, expectDocument, groups, information, people, places, ties, title } from './meeting-scenario.mjs';
import { browser, expectAccessible, focused, keyboardUser, password, savedMap, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser();

test('the meeting by keyboard alone: 25 people, groups, places, exploitation, information, a conflict', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  const keys = keyboardUser(page);
  const panel = page.getByRole('complementary', { name: 'Selected' });
  /** Ctrl+K, the words, and Enter on the option the command bar offers first. */
  const command = async (typed, option) => {
    await page.keyboard.press('Control+k');
    const bar = page.getByRole('dialog', { name: /Find or add a person/ });
    await bar.getByRole('combobox').waitFor();
    assert.equal((await focused(page)).tag, 'input', 'Ctrl+K puts the focus in the command bar');
    await page.keyboard.type(typed);
    await bar.getByRole('option', { name: option, selected: true }).waitFor();
    await page.keyboard.press('Enter');
  };
  const heading = (name) => panel.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  const date = async ([day, month, year]) => {
    await keys.fill('Day', day);
    await keys.fill('Month', month);
    await keys.fill('Year', year);
  };

  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Sign in to peermap' }).waitFor();
  await keys.fill('Username', 'practitioner');
  await keys.fill('Password', password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Maps', level: 1 }).waitFor();

  // Create the map.
  await keys.press('Create a map');
  await page.getByRole('heading', { name: 'Create a map', level: 1 }).waitFor();
  await keys.fill('Title', title);
  await keys.fill('Subject child 1: full name', 'Leah Marsh');
  await keys.fill('Purpose and objectives', 'Who Leah spends time with after school; who is protective.');
  await keys.tick('Criminal exploitation');
  await date(['3', '11', '2026']);
  await date(['2', '2', '2027']);
  await keys.press('Create map');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.locator('svg image').waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];
  const entered = ['Leah Marsh', ...people.map(([name]) => name)];

  // 24 more people, each by the command bar and then the form, Tab by Tab.
  for (const [name, role, band] of people) {
    await command(name, `Add “${name}” as a new person`);
    await panel.getByRole('heading', { name: 'Add a person' }).waitFor();
    await keys.choose('Role', role);
    await keys.choose('Age band, if the date of birth is not known', band);
    await keys.press('Save person');
    await heading(name);
  }

  for (const [a, b] of ties) {
    await command(`${a} - ${b}`, `Add a tie between ${a} and ${b}`);
    await panel.getByRole('heading', { level: 2, name: `${a} and ${b}` }).waitFor();
  }
  for (const [by, of, nature, strength] of exploitation) {
    await command(`${by} - ${of}`, `Show the tie between ${by} and ${of} (already recorded)`);
    await panel.getByRole('heading', { level: 2, name: `${by} and ${of}` }).waitFor();
    await keys.press('Edit tie');
    await keys.choose('Nature', nature);
    await keys.choose('Strength', strength);
    await keys.choose('Exploitation or control', `${by} exploits or controls ${of}`);
    await keys.choose('Who leads', `${by} leads, ${of} follows`);
    await keys.choose('Protective or risky', 'Risky');
    await keys.press('Save tie');
    await panel.getByText(new RegExp(`exploitation or control by ${by}`)).first().waitFor();
  }

  // Groups and places: back (Shift+Tab) from the panel to the list's buttons.
  for (const [kindOfItem, list] of [['group', groups], ['place', places]]) {
    for (const [name, kindLabel, , members] of list) {
      await keys.press(`Add a ${kindOfItem}`, { back: true, limit: 200 });
      await panel.getByRole('heading', { name: `Add a ${kindOfItem}` }).waitFor();
      await keys.fill(kindOfItem === 'place' ? 'Name of the place' : 'Name of the group', name);
      await keys.choose(kindOfItem === 'place' ? 'Kind of place' : 'Kind of group', kindLabel);
      // The members' boxes are in the order the people were entered; tick each in turn.
      for (const member of [...members].sort((x, y) => entered.indexOf(x) - entered.indexOf(y))) await keys.tick(member);
      await keys.press(`Save ${kindOfItem}`);
      await heading(name);
    }
  }
  await expectAccessible(page, 'meeting by keyboard: people, ties, groups and places');

  for (const item of information) {
    await command(item.about, item.about);
    await heading(item.about);
    await keys.press('Add information');
    await panel.getByRole('heading', { name: `Add information about ${item.about}` }).waitFor();
    await keys.fill('What was said', item.summary);
    await keys.fill('Source: agency', item.agency);
    if (item.person) await keys.fill('Source: person (optional)', item.person);
    await keys.pick(item.evidence);
    if (item.observed) await date(item.observed);
    if (item.grading) {
      await keys.choose('Grading scheme', /3x5x2/);
      await keys.fill('Grading', item.grading);
    }
    await keys.tick(item.tie);
    await keys.press('Save information');
    await heading(item.about);
    await panel.getByText(item.summary, { exact: true }).waitFor();
  }
  await expectAccessible(page, 'meeting by keyboard: everything entered');

  // The partner (another laptop, with a mouse) saves Tyler's school while the facilitator edits
  // him; the facilitator sees both versions and keeps theirs, all by keyboard.
  const partner = await watchedPage(browser);
  await signIn(partner.page, server.url);
  await partner.page.getByRole('link', { name: title }).click();
  await partner.page.locator('svg image').waitFor();
  await command('Tyler Brooks', 'Tyler Brooks');
  await heading('Tyler Brooks');
  await keys.press('Edit person');
  const theirPanel = partner.page.getByRole('complementary', { name: 'Selected' });
  await partner.page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Tyler Brooks/ }).click();
  await theirPanel.getByRole('button', { name: 'Edit person' }).click();
  await theirPanel.getByLabel('School (optional)').fill('Northfield Academy');
  await theirPanel.getByRole('button', { name: 'Save person' }).click();
  await theirPanel.getByText('Northfield Academy').first().waitFor();
  await keys.fill('School (optional)', 'Moorfield Pupil Referral Unit');
  await keys.press('Save person');
  const conflict = panel.getByRole('region', { name: 'Someone else changed Tyler Brooks while you were editing' });
  await conflict.waitFor();
  await expectAccessible(page, 'meeting by keyboard: the conflict');
  await keys.press('Keep theirs', { back: true });
  await heading('Tyler Brooks');

  const { doc } = await savedMap(page, id);
  expectDocument(doc);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') === null), true, 'no dialog left open');
  assert.deepEqual(incidents, []);
  assert.deepEqual(partner.incidents, []);
  await partner.context.close();
  await context.close();
});
