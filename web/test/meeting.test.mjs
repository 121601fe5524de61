// The meeting, end to end, through the UI as a facilitator would: sign in, create the map, enter
// a fictitious 25-person peer group (2 groups, 3 places, exploitation ties, graded and anecdotal
// information) with the command bar and the forms, while a partner on another laptop corrects
// the same person at the same time. The conflict is shown and resolved, and the document read
// back through the API holds exactly what was entered, nothing more.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectAccessible, launchBrowser, savedMap, screenshot, signIn, startServer, watchedPage } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const title = 'Peer mapping: Leah Marsh and the Northfield group';
// Everyone after the subject child: full name, role and age band as the form shows them.
const people = [
  ['Tyler Brooks', 'Peer', '13 to 15'], ['Aisha Rahman', 'Peer', '13 to 15'],
  ['Jayden Clarke', 'Peer', '13 to 15'], ['Chloe Nowak', 'Peer', '13 to 15'],
  ['Reece Fletcher', 'Peer', '16 to 17'], ['Amira Hassan', 'Peer', '13 to 15'],
  ['Connor Walsh', 'Peer', '16 to 17'], ['Kayla Pearson', 'Peer', '13 to 15'],
  ['Dylan Mensah', 'Peer', '16 to 17'], ['Sophie Adeyemi', 'Peer', '13 to 15'],
  ['Harvey Lomax', 'Peer', '13 to 15'], ['Ellie Drummond', 'Peer', '13 to 15'],
  ['Mason Iqbal', 'Peer', '16 to 17'], ['Freya Lindqvist', 'Peer', '13 to 15'],
  ["Kian O'Connell", 'Peer', '16 to 17'], ['Maja Szymańska', 'Peer', '13 to 15'],
  ['Ryan Achterberg', 'Peer', '16 to 17'],
  ['Dean Sullivan', 'Adult of concern', '25 or over'], ['Marco Rinaldi', 'Adult of concern', '18 to 24'],
  ['Shane Doherty', 'Adult of concern', '25 or over'], ['Karen Marsh', 'Family', '25 or over'],
  ['Priya Desai', 'Key contact or professional', '25 or over'],
  ['Tom Whitfield', 'Key contact or professional', '25 or over'], ['Nadia Kowalski', 'Other', '18 to 24'],
];
const roleValue = { Peer: 'peer', 'Adult of concern': 'adult-of-concern', Family: 'family', 'Key contact or professional': 'professional', Other: 'other' };
const bandValue = { '13 to 15': '13-15', '16 to 17': '16-17', '18 to 24': '18-24', '25 or over': '25+' };
// Ties said in the meeting, "A - B" in the command bar; the last three are then edited.
const ties = [
  ['Leah Marsh', 'Tyler Brooks'], ['Leah Marsh', 'Aisha Rahman'], ['Leah Marsh', 'Chloe Nowak'],
  ['Leah Marsh', 'Karen Marsh'], ['Leah Marsh', 'Priya Desai'], ['Tyler Brooks', 'Jayden Clarke'],
  ['Aisha Rahman', 'Amira Hassan'], ['Chloe Nowak', 'Kayla Pearson'], ['Jayden Clarke', 'Reece Fletcher'],
  ['Reece Fletcher', 'Connor Walsh'], ['Connor Walsh', 'Dylan Mensah'], ['Sophie Adeyemi', 'Ellie Drummond'],
  ['Harvey Lomax', 'Mason Iqbal'], ['Freya Lindqvist', 'Maja Szymańska'], ["Kian O'Connell", 'Ryan Achterberg'],
  ['Tom Whitfield', 'Ryan Achterberg'], ['Nadia Kowalski', 'Sophie Adeyemi'],
  ['Dean Sullivan', 'Reece Fletcher'], ['Marco Rinaldi', 'Leah Marsh'], ['Shane Doherty', 'Connor Walsh'],
];
const groups = [
  ['Northfield Year 10 friends', 'Friendship group', 'friendship', ['Leah Marsh', 'Tyler Brooks', 'Aisha Rahman', 'Chloe Nowak', 'Amira Hassan', 'Kayla Pearson']],
  ['Station Road older group', 'Gang or street group', 'gang', ['Reece Fletcher', 'Connor Walsh', 'Dylan Mensah', 'Marco Rinaldi']],
];
const places = [
  ['Northfield Academy', 'School', 'school', ['Leah Marsh', 'Tyler Brooks', 'Sophie Adeyemi']],
  ['Station Road car park', 'Transport hub', 'transport-hub', ['Leah Marsh', 'Reece Fletcher', 'Dean Sullivan']],
  ['Moorfield youth club', 'Youth club', 'youth-club', ['Harvey Lomax', 'Mason Iqbal']],
];

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
  const exploitation = [
    ['Dean Sullivan', 'Reece Fletcher', 'Associate', 'Strong'],
    ['Marco Rinaldi', 'Leah Marsh', 'Partner', 'Strong'],
    ['Shane Doherty', 'Connor Walsh', 'Associate', 'Moderate'],
  ];
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
  const information = [
    { about: 'Reece Fletcher', tie: /^Reece Fletcher and Dean Sullivan|^Dean Sullivan and Reece Fletcher/, summary: 'Seen getting into Dean Sullivan’s car outside the academy, three times in October.', agency: 'Police', person: 'PC Dawn Ellis', evidence: 'Evidenced', observed: ['14', '10', '2026'], grading: '2BP' },
    { about: 'Leah Marsh', tie: /^Marco Rinaldi and Leah Marsh/, summary: 'Leah calls Marco her boyfriend; he collects her from school.', agency: 'Northfield Academy', person: 'Priya Desai', evidence: 'Evidenced', observed: ['20', '10', '2026'], grading: '1AP' },
    { about: 'Connor Walsh', tie: /^Shane Doherty and Connor Walsh/, summary: 'Friends say Connor holds things for Shane.', agency: 'Youth service', person: '', evidence: 'Anecdotal', observed: null, grading: null },
    { about: 'Tyler Brooks', tie: /^Tyler Brooks and Jayden Clarke/, summary: 'Tyler and Jayden are said to have fallen out over money.', agency: 'Northfield Academy', person: '', evidence: 'Anecdotal', observed: null, grading: null },
  ];
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
  const byName = new Map(doc.people.map((p) => [p.full_name, p]));
  const idOf = (name) => byName.get(name)?.id ?? doc.groups?.find((g) => g.name === name)?.id ?? doc.locations?.find((l) => l.name === name)?.id;
  assert.equal(doc.people.length, 25);
  assert.deepEqual(doc.map.subject_children, [idOf('Leah Marsh')]);
  assert.equal(byName.get('Leah Marsh').role, 'subject-child');
  for (const [name, role, band] of people) {
    const { id: _, ...person } = byName.get(name);
    const expected = { full_name: name, role: roleValue[role], age_band: bandValue[band] };
    if (name === 'Tyler Brooks') expected.school = 'Northfield Academy';
    assert.deepEqual(Object.fromEntries(Object.entries(person).filter(([k]) => k !== 'gender' || person.gender !== 'unknown')), expected, name);
  }
  assert.deepEqual(doc.groups.map((g) => [g.name, g.kind]), groups.map(([n, , k]) => [n, k]));
  assert.deepEqual(doc.locations.map((l) => [l.name, l.kind]), places.map(([n, , k]) => [n, k]));
  const relationships = doc.ties.filter((t) => t.kind === 'relationship');
  assert.equal(relationships.length, ties.length);
  const key = (a, b) => [a, b].sort().join(' ~ ');
  assert.deepEqual(new Set(relationships.map((t) => key(t.from, t.to))), new Set(ties.map(([a, b]) => key(idOf(a), idOf(b)))));
  for (const [by, of, nature] of exploitation) {
    const tie = relationships.find((t) => key(t.from, t.to) === key(idOf(by), idOf(of)));
    assert.equal(tie.exploitation?.by, idOf(by), `${by} exploits ${of}`);
    assert.equal(tie.influence?.leader, idOf(by));
    assert.equal(tie.nature, nature.toLowerCase());
    assert.equal(tie.valence, 'risky');
  }
  for (const [kind, list] of [['member-of', groups], ['frequents', places]]) {
    for (const [name, , , members] of list) {
      const found = doc.ties.filter((t) => t.kind === kind && t.to === idOf(name)).map((t) => t.from).sort();
      assert.deepEqual(found, members.map(idOf).sort(), `${kind} ${name}`);
    }
  }
  assert.equal(doc.information.length, information.length);
  for (const item of information) {
    const saved = doc.information.find((i) => i.summary === item.summary);
    assert.ok(saved, item.summary);
    assert.equal(saved.evidence, item.evidence.toLowerCase());
    assert.equal(saved.source.agency, item.agency);
    assert.ok(saved.about.includes(idOf(item.about)), `${item.summary} is about ${item.about}`);
    assert.equal(saved.about.length, 2, 'about the person and the tie');
    if (item.grading) {
      assert.deepEqual(saved.grading, { scheme: '3x5x2', source: Number(item.grading[0]), intelligence: item.grading[1], handling: item.grading[2] });
      assert.equal(saved.observed, `${item.observed[2]}-${item.observed[1].padStart(2, '0')}-${item.observed[0].padStart(2, '0')}`);
    } else {
      assert.deepEqual(saved.grading, { scheme: 'simple', reliable: null }, 'not graded: reliability not known');
    }
  }
  assert.deepEqual(incidents, []);
  assert.deepEqual(partner.incidents, []);
  await partner.context.close();
  await context.close();
});
