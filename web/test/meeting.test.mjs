// The meeting, end to end, through the UI as a facilitator would: sign in, create the map, enter
// a fictitious 25-person peer group (2 groups, 3 places, exploitation ties, graded and anecdotal
// information) with the command bar and the forms, while a partner on another laptop corrects
// the same person at the same time. The conflict is shown and resolved, and the document read
// back through the API holds exactly what was entered, nothing more.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exploitation, expectDocument, groups, information, people, places, ties, title } from './meeting-scenario.mjs';
import { browser, expectAccessible, savedMap, screenshot, server, signIn, useServerAndBrowser, watchedPage } from './support.mjs';

useServerAndBrowser();

async function commandBar(page, typed, option) {
  const bar = page.getByRole('dialog', { name: /Find or add a person/ });
  await page.keyboard.press('Control+k');
  await bar.getByRole('combobox').waitFor();
  await page.keyboard.type(typed);
  await bar.getByRole('option', { name: option, selected: true }).waitFor();
  await page.keyboard.press('Enter');
}

async function fillDate(scope, legend, [day, month, year]) {
  const group = scope.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

test('the meeting: a 25-person peer group entered through the UI, a conflict resolved, the document exact', async () => {
  const { page, incidents, context } = await watchedPage(browser);
  await signIn(page, server.url);

  // Create the map.
  await page.getByRole('button', { name: 'Create a map' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Subject child 1: full name').fill('Leah Marsh');
  await page.getByLabel('Purpose and objectives').fill('Who Leah spends time with after school; who is protective.');
  await page.getByLabel('Criminal exploitation').check();
  await fillDate(page, /Map date/, ['3', '11', '2026']);
  await fillDate(page, /Review date/, ['2', '2', '2027']);
  await page.getByRole('button', { name: 'Create map' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.locator('svg image').waitFor();
  const id = new URL(page.url()).pathname.split('/')[2];
  const panel = page.getByRole('complementary', { name: 'Selected' });

  // 24 more people, each by the command bar: the name, Enter, then the form.
  for (const [name, role, band] of people) {
    await commandBar(page, name, `Add “${name}” as a new person`);
    await panel.getByRole('heading', { name: 'Add a person' }).waitFor();
    assert.equal(await panel.getByLabel('Full name').inputValue(), name);
    await panel.getByLabel('Role').selectOption({ label: role });
    await panel.getByLabel('Age band, if the date of birth is not known').selectOption({ label: band });
    await panel.getByRole('button', { name: 'Save person' }).click();
    await panel.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  }
  await expectAccessible(page, 'meeting: 25 people entered');

  // Ties, two names in the command bar.
  for (const [a, b] of ties) {
    await commandBar(page, `${a} - ${b}`, `Add a tie between ${a} and ${b}`);
    await panel.getByRole('heading', { level: 2, name: `${a} and ${b}` }).waitFor();
  }
  // The exploitation the room describes: Dean exploits Reece, Marco controls Leah (a partner
  // tie), Shane exploits Connor. Each is edited from the tie's panel.
  for (const [by, of, nature, strength] of exploitation) {
    await commandBar(page, `${by} - ${of}`, `Show the tie between ${by} and ${of} (already recorded)`);
    await panel.getByRole('button', { name: 'Edit tie' }).click();
    await panel.getByLabel('Nature').selectOption({ label: nature });
    await panel.getByLabel('Strength').selectOption({ label: strength });
    await panel.getByLabel('Exploitation or control').selectOption({ label: `${by} exploits or controls ${of}` });
    await panel.getByLabel('Who leads').selectOption({ label: `${by} leads, ${of} follows` });
    await panel.getByLabel('Protective or risky').selectOption({ label: 'Risky' });
    await panel.getByRole('button', { name: 'Save tie' }).click();
    await panel.getByText(new RegExp(`exploitation or control by ${by}`)).first().waitFor();
  }

  // Two groups and three places, with their members ticked.
  for (const [kindOfItem, list] of [['group', groups], ['place', places]]) {
    for (const [name, kindLabel, , members] of list) {
      await page.getByRole('button', { name: `Add a ${kindOfItem}` }).click();
      await panel.getByRole('heading', { name: `Add a ${kindOfItem}` }).waitFor();
      await panel.getByLabel(kindOfItem === 'place' ? 'Name of the place' : 'Name of the group').fill(name);
      await panel.getByLabel(kindOfItem === 'place' ? 'Kind of place' : 'Kind of group').selectOption({ label: kindLabel });
      const who = panel.getByRole('group', { name: kindOfItem === 'place' ? 'Who frequents it' : 'Members' });
      for (const member of members) await who.getByLabel(member, { exact: true }).check();
      await panel.getByRole('button', { name: `Save ${kindOfItem}` }).click();
      await panel.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    }
  }

  // Graded and anecdotal information, each about a person and the tie it rests on.
  for (const item of information) {
    await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: new RegExp(`^${item.about}`) }).click();
    await panel.getByRole('heading', { level: 2, name: item.about, exact: true }).waitFor();
    await panel.getByRole('button', { name: 'Add information' }).click();
    await panel.getByRole('heading', { name: `Add information about ${item.about}` }).waitFor();
    await panel.getByLabel('What was said').fill(item.summary);
    await panel.getByLabel('Source: agency').fill(item.agency);
    if (item.person) await panel.getByLabel('Source: person (optional)').fill(item.person);
    await panel.getByLabel(item.evidence, { exact: true }).check();
    if (item.observed) await fillDate(panel, /When it happened/, item.observed);
    if (item.grading) {
      await panel.getByLabel('Grading scheme').selectOption('3x5x2');
      await panel.getByLabel('Grading', { exact: true }).fill(item.grading);
    }
    await panel.getByRole('group', { name: 'What it is about' }).getByLabel(item.tie).check();
    await panel.getByRole('button', { name: 'Save information' }).click();
    await panel.getByRole('heading', { level: 2, name: item.about, exact: true }).waitFor();
    await panel.getByText(item.summary, { exact: true }).waitFor();
  }
  await expectAccessible(page, 'meeting: everything entered');
  await screenshot(page, 'meeting-entered');

  // A partner on their own laptop corrects Tyler's school while the facilitator adds notes to
  // him: both edit the same person; the facilitator sees both versions and keeps theirs, then
  // adds the notes again.
  const partner = await watchedPage(browser);
  await signIn(partner.page, server.url);
  await partner.page.getByRole('link', { name: title }).click();
  await partner.page.locator('svg image').waitFor();
  const theirPanel = partner.page.getByRole('complementary', { name: 'Selected' });
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Tyler Brooks/ }).click();
  await panel.getByRole('button', { name: 'Edit person' }).click();
  await partner.page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: /^Tyler Brooks/ }).click();
  await theirPanel.getByRole('button', { name: 'Edit person' }).click();
  await theirPanel.getByLabel('School (optional)').fill('Northfield Academy');
  await theirPanel.getByRole('button', { name: 'Save person' }).click();
  await theirPanel.getByText('Northfield Academy').first().waitFor();
  await panel.getByLabel('School (optional)').fill('Moorfield Pupil Referral Unit');
  await panel.getByRole('button', { name: 'Save person' }).click();
  const conflict = panel.getByRole('region', { name: 'Someone else changed Tyler Brooks while you were editing' });
  await conflict.waitFor();
  const school = conflict.getByRole('row', { name: /^School/ });
  await school.getByRole('cell', { name: 'Northfield Academy' }).waitFor();
  await school.getByRole('cell', { name: 'Moorfield Pupil Referral Unit' }).waitFor();
  await expectAccessible(page, 'meeting: the conflict');
  await conflict.getByRole('button', { name: 'Keep theirs' }).click();
  await panel.getByRole('heading', { level: 2, name: 'Tyler Brooks', exact: true }).waitFor();

  // The document, read back through the API, holds exactly what was entered.
  const { doc } = await savedMap(page, id);
  expectDocument(doc);
  assert.deepEqual(incidents, []);
  assert.deepEqual(partner.incidents, []);
  await partner.context.close();
  await context.close();
});
