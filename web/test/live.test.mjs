// Live in the meeting: the facilitator and a partner on their own laptop have the same map open.
// A save on one shows on the other within a second or so, with who did what, by their display
// name ("Priya Natarajan-Hale added a person"; the username when they have none), and each sees
// who else has the map open. Then the same between two server
// processes sharing one PostgreSQL database (a council's load-balanced deployment). The event
// stream itself carries ids and numbers, never what was typed, and is refused to an outsider
// with the map's own 404.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { apiGet, expectAccessible, launchBrowser, password, repo, run, screenshot, serve, signIn, startServer, watchedPage } from './support.mjs';

const mapName = /Peer mapping: Mia Kowalczyk/;
// Typed on one laptop: it must reach the other through the map route, never the stream.
const secretName = 'Rowan Ellery-Stone';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// The partner's account has a display name (`user add --display-name`); the facilitator's has none.
const partnerName = 'Priya Natarajan-Hale';

function addUser(db, username, { team = 'Exploitation Team', displayName } = {}) {
  run(['user', 'add', '--db', db, '--username', username, '--team', team, '--role', 'practitioner',
    ...(displayName ? ['--display-name', displayName] : [])], `${password}\n`);
}

async function openMap(page, url, username) {
  await signIn(page, url, username);
  await page.getByRole('link', { name: mapName }).click();
  await page.getByRole('heading', { level: 1, name: mapName }).waitFor();
  await page.locator('svg image').waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}

function here(page) {
  return page.getByRole('list', { name: 'Who else has this map open' });
}

/** Adds a person through the form, as the facilitator would; resolves with the PATCH's answer. */
async function addPerson(page, fullName) {
  await page.getByRole('button', { name: 'Add a person' }).click();
  const panel = page.getByRole('complementary', { name: 'Selected' });
  await panel.getByRole('heading', { name: 'Add a person' }).waitFor();
  await panel.getByLabel('Full name').fill(fullName);
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && /\/api\/maps\/[0-9a-f]+$/.test(r.url()));
  await panel.getByRole('button', { name: 'Save person' }).click();
  const response = await saved;
  assert.equal(response.status(), 200);
  return Date.now();
}

/**
 * The other laptop sees the save: the notice in words, the person in the text alternative.
 * The latency from the save's answer to the notice is logged, not asserted (shared machines).
 */
async function seesTheSave(page, savedAt, who, label) {
  const status = page.getByRole('status');
  await status.getByText(new RegExp(`^${who} added a person \\(revision \\d+, \\d\\d:\\d\\d\\)$`)).waitFor({ timeout: 10000 });
  const latency = Date.now() - savedAt;
  console.log(`live: ${label}: the save was shown on the other laptop ${latency} ms after its answer`);
  await page.getByRole('navigation', { name: 'People and places' }).getByRole('button', { name: secretName }).waitFor({ timeout: 10000 });
  return latency;
}

/** Reads a map's raw event stream as `cookie` for `ms` milliseconds: its text. */
async function streamText(url, id, cookie, ms, during) {
  const controller = new AbortController();
  const response = await fetch(`${url}api/maps/${id}/events`, { headers: { cookie }, signal: controller.signal });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  let text = '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted
    }
  })();
  await during();
  await new Promise((r) => setTimeout(r, ms));
  controller.abort();
  await reading;
  return text;
}

async function cookieOf(context) {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

test('two laptops on one server: a save shows on the other, with who did what, and who is here', async () => {
  const server = await startServer({ imports: ['peer-group.json'] });
  addUser(server.db, 'partner', { displayName: partnerName });
  const a = await watchedPage(browser);
  const b = await watchedPage(browser);
  try {
    const id = await openMap(a.page, server.url, 'practitioner');
    await openMap(b.page, server.url, 'partner');
    // Each sees the other in "Who else has this map open".
    await here(a.page).getByText(partnerName, { exact: true }).waitFor();
    await here(b.page).getByText('practitioner', { exact: true }).waitFor();
    await expectAccessible(b.page, 'editor with someone else here');

    // The raw stream, as the partner's browser gets it, while the facilitator saves.
    const revisionBefore = (await apiGet(b.page, `/api/maps/${id}`)).headers.etag;
    let savedAt = 0;
    const raw = await streamText(server.url, id, await cookieOf(b.context), 1500, async () => {
      savedAt = await addPerson(a.page, secretName);
      await seesTheSave(b.page, savedAt, 'practitioner', 'one server');
    });
    assert.match(raw, /^event: hello\ndata: \{"map":"[0-9a-f]{32}","name":"Priya Natarajan-Hale","revision":\d+,"username":"partner"\}\n\n/);
    assert.match(raw, /event: revision\ndata: \{"action":"added a person","map":"[0-9a-f]{32}","name":"practitioner","revision":\d+,"username":"practitioner"\}/);
    assert.match(raw, /event: presence\ndata: /);
    for (const secret of [secretName, 'Rowan', 'Ellery']) assert.ok(!raw.includes(secret), `${secret} in the stream`);

    // The partner's page now holds the new revision, read through the map route.
    const revisionAfter = (await apiGet(b.page, `/api/maps/${id}`)).headers.etag;
    assert.notEqual(revisionAfter, revisionBefore);
    await b.page.getByText(`revision ${/\d+/.exec(revisionAfter)[0]}`, { exact: false }).first().waitFor();
    // The facilitator's own save is not news on their own screen (its event reached this page
    // as it reached the partner's).
    await a.page.waitForTimeout(500);
    assert.equal(await a.page.getByText(/added a person \(revision/).count(), 0);
    await expectAccessible(b.page, 'editor after a save elsewhere');
    await screenshot(b.page, 'editor-live');

    // The partner saves: the facilitator's notice names her by her display name, and so does
    // the maps page's "changed by".
    const partnerSavedAt = await addPerson(b.page, 'Tomasz Wierzbicki');
    await a.page.getByRole('status').getByText(new RegExp(`^${partnerName} added a person \\(revision \\d+, \\d\\d:\\d\\d\\)$`)).waitFor({ timeout: 10000 });
    console.log(`live: the partner's save was shown with her display name ${Date.now() - partnerSavedAt} ms after its answer`);
    assert.equal(await a.page.getByText(/partner added a person/).count(), 0, 'not by her username');
    await expectAccessible(a.page, 'editor after the partner saved');
    await screenshot(a.page, 'editor-live-display-name');
    const d = await watchedPage(browser);
    await signIn(d.page, server.url, 'practitioner');
    const row = d.page.getByRole('row').filter({ hasText: 'Peer mapping: Mia Kowalczyk' });
    await row.getByRole('cell').filter({ hasText: partnerName }).waitFor();
    await d.context.close();

    // Someone of another team gets the map's own 404 for its stream, and no stream.
    const c = await watchedPage(browser);
    await signIn(c.page, server.url, 'outsider');
    const map = await apiGet(c.page, `/api/maps/${id}`);
    const events = await apiGet(c.page, `/api/maps/${id}/events`);
    assert.equal(map.status, 404);
    assert.equal(events.status, map.status);
    assert.equal(events.body, map.body);
    assert.equal(events.headers['content-type'], 'application/json');
    await c.context.close();

    // When the partner leaves, the facilitator no longer sees them (the server notices the
    // closed connection at a heartbeat, every 5 s).
    await b.context.close();
    await a.page.getByText('Nobody else').waitFor({ timeout: 30000 });
    assert.deepEqual(a.incidents, []);
    assert.deepEqual(b.incidents, []);
  } finally {
    await a.context.close();
    await server.stop();
  }
});

/** A new database on the tests' PostgreSQL server (ctest fixture `postgres`). */
function postgresDatabase() {
  const admin = process.env.PEERMAP_TEST_PG_URL;
  assert.ok(admin, 'PEERMAP_TEST_PG_URL is not set: run this through ctest (fixture `postgres`)');
  const name = `peermap_web_live_${process.pid}`;
  const psql = (sql) => {
    const result = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', admin, '-c', sql], { encoding: 'utf8' });
    assert.equal(result.status, 0, `psql ${sql}: ${result.stderr}`);
  };
  psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  psql(`CREATE DATABASE ${name}`);
  return { url: `${admin.slice(0, admin.lastIndexOf('/') + 1)}${name}`, drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

test('two server processes on one PostgreSQL database: a save through one is seen through the other', async () => {
  const database = postgresDatabase();
  const servers = [];
  const a = await watchedPage(browser);
  const b = await watchedPage(browser);
  try {
    addUser(database.url, 'practitioner');
    addUser(database.url, 'partner', { displayName: partnerName });
    run(['map', 'import', '--db', database.url, '--as', 'practitioner', path.join(repo, 'examples', 'peer-group.json')]);
    servers.push(await serve(database.url), await serve(database.url));
    const [serverA, serverB] = servers;
    assert.notEqual(serverA.url, serverB.url);

    await openMap(a.page, serverA.url, 'practitioner');
    await openMap(b.page, serverB.url, 'partner');
    // Presence crosses the processes too.
    await here(a.page).getByText(partnerName, { exact: true }).waitFor({ timeout: 10000 });
    await here(b.page).getByText('practitioner', { exact: true }).waitFor({ timeout: 10000 });

    const savedAt = await addPerson(a.page, secretName);
    await seesTheSave(b.page, savedAt, 'practitioner', 'two processes on PostgreSQL');
    await expectAccessible(b.page, 'editor after a save through the other server');
    assert.deepEqual(a.incidents, []);
    assert.deepEqual(b.incidents, []);
  } finally {
    await a.context.close();
    await b.context.close();
    for (const s of servers) await s.stop();
    database.drop();
  }
});
