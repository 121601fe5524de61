// The document's items as the forms, undo and the conflict choice see them: one id namespace
// over every section (docs/format.md), what an edit touched, what a removal takes with it, and
// each item in words.
import type { ActionType, Attendee, Grading, PatchOperation, PeerMapDocument, Tie } from '../api/types';
import { longDate } from './dates';
import { actionStatusNames, actionTypeNames, concernLabel } from './exercise';
import { ageBandNames, genderNames, roleNames, statusNames } from './people';
import { shown } from './text';

/** The sections whose items carry ids, in document order. */
export const sections = ['people', 'locations', 'groups', 'ties', 'information', 'sightings', 'risks', 'gaps', 'actions', 'meetings'] as const;
export type Section = (typeof sections)[number];

export type Item = { id: string; [field: string]: unknown };

/**
 * The section of the map's own details (`/map`): not a list, and not an item with an id, but
 * edited, undone and put side by side in a conflict as one item is.
 */
export const mapSection = 'map';

/** The map's details as an item (its id is `mapSection`, never written to the document). */
export function mapAsItem(document: PeerMapDocument): Item {
  return { ...document.map, id: mapSection } as unknown as Item;
}

/** An item as the document holds it now (the map's details for `mapSection`), or null. */
export function itemIn(document: PeerMapDocument, section: string, id: string): Item | null {
  if (section === mapSection) return mapAsItem(document);
  return itemsOf(document, section).find((x) => x.id === id) ?? null;
}

export function itemsOf(document: PeerMapDocument, section: string): Item[] {
  const value = document[section];
  return Array.isArray(value) ? (value as Item[]) : [];
}

/** Where the item with `id` is: its section and index, or null. */
export function find(document: PeerMapDocument, id: string): { section: string; index: number; item: Item } | null {
  for (const section of sections) {
    const index = itemsOf(document, section).findIndex((x) => x.id === id);
    if (index >= 0) return { section, index, item: itemsOf(document, section)[index] };
  }
  return null;
}

/** A fresh id with the prefix (p, l, g, t, i, s, r, gap), unused anywhere in the document. */
export function nextId(document: PeerMapDocument, prefix: string, section: string): string {
  const used = new Set<string>();
  for (const s of sections) for (const item of itemsOf(document, s)) used.add(item.id);
  let n = itemsOf(document, section).length + 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** Equal as JSON values, whatever the order of their keys (the server may reorder them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in b && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Builds a JSON Patch against a copy of a document, applying each operation as it goes so that
 * every index is right for the operations before it (removing two ties, say).
 */
export class PatchBuilder {
  readonly operations: PatchOperation[] = [];
  result: PeerMapDocument;

  constructor(document: PeerMapDocument) {
    this.result = clone(document);
  }

  /** Goes on with another builder's operations, made on this one's result. */
  append(next: PatchBuilder): this {
    this.operations.push(...next.operations);
    this.result = next.result;
    return this;
  }

  add(section: string, item: Item, at?: number): this {
    const list = this.result[section];
    if (!Array.isArray(list)) {
      this.result[section] = [clone(item)];
      this.operations.push({ op: 'add', path: `/${section}`, value: [item] });
      return this;
    }
    const index = at === undefined ? list.length : Math.min(Math.max(at, 0), list.length);
    list.splice(index, 0, clone(item));
    this.operations.push({ op: 'add', path: `/${section}/${index === list.length - 1 && at === undefined ? '-' : index}`, value: item });
    return this;
  }

  /** Replaces the item with `item.id`, testing first that the index still holds it. */
  replace(section: string, item: Item): this {
    if (section === mapSection) return this.replaceMap(item);
    const list = itemsOf(this.result, section);
    const index = list.findIndex((x) => x.id === item.id);
    if (index < 0) return this.add(section, item);
    list[index] = clone(item);
    this.operations.push({ op: 'test', path: `/${section}/${index}/id`, value: item.id });
    this.operations.push({ op: 'replace', path: `/${section}/${index}`, value: item });
    return this;
  }

  /** Replaces the map's own details (`item` as mapAsItem gives it: its id is not written). */
  replaceMap(item: Item): this {
    const { id: _, ...map } = item;
    this.result.map = clone(map) as unknown as PeerMapDocument['map'];
    this.operations.push({ op: 'replace', path: '/map', value: map });
    return this;
  }

  remove(section: string, id: string): this {
    const list = itemsOf(this.result, section);
    const index = list.findIndex((x) => x.id === id);
    if (index < 0) return this;
    list.splice(index, 1);
    this.operations.push({ op: 'test', path: `/${section}/${index}/id`, value: id });
    this.operations.push({ op: 'remove', path: `/${section}/${index}` });
    return this;
  }
}

/** One item an edit changed: how it was before and after (null: not there), and where. */
export interface Touched {
  section: string;
  id: string;
  index: number; // its index before (a removal) or after (an addition or change)
  before: Item | null;
  after: Item | null;
}

/** The items that differ between two documents, by id (and the map's details, if changed). */
export function touchedBetween(before: PeerMapDocument, after: PeerMapDocument): Touched[] {
  const out: Touched[] = [];
  if (!sameJson(before.map, after.map)) {
    out.push({ section: mapSection, id: mapSection, index: 0, before: mapAsItem(before), after: mapAsItem(after) });
  }
  for (const section of sections) {
    const was = itemsOf(before, section);
    const now = itemsOf(after, section);
    const wasById = new Map(was.map((x, i) => [x.id, { x, i }]));
    const nowById = new Map(now.map((x, i) => [x.id, { x, i }]));
    for (const [id, { x, i }] of wasById) {
      const n = nowById.get(id);
      if (!n) out.push({ section, id, index: i, before: x, after: null });
      else if (!sameJson(x, n.x)) out.push({ section, id, index: n.i, before: x, after: n.x });
    }
    for (const [id, { x, i }] of nowById) if (!wasById.has(id)) out.push({ section, id, index: i, before: null, after: x });
  }
  return out;
}

/**
 * The patch that turns each touched item from `from` back to `to` on `document` (undo: from
 * after to before; redo the other way), or the names of the items someone else has changed
 * since, when it cannot be done without overwriting them.
 */
export function restore(
  document: PeerMapDocument,
  touched: Touched[],
  direction: 'undo' | 'redo',
): { operations: PatchOperation[] } | { changedByOthers: string[] } {
  const changed: string[] = [];
  for (const t of touched) {
    const expected = direction === 'undo' ? t.after : t.before;
    const current = itemIn(document, t.section, t.id);
    if (!sameJson(current, expected)) changed.push(describeName(document, t.section, (current ?? expected ?? t.before ?? t.after)!));
  }
  if (changed.length) return { changedByOthers: [...new Set(changed)] };
  const builder = new PatchBuilder(document);
  // Removals first, then changes, then additions at their old places, lowest index first.
  const target = (t: Touched) => (direction === 'undo' ? t.before : t.after);
  for (const t of touched) if (!target(t)) builder.remove(t.section, t.id);
  for (const t of touched) {
    const to = target(t);
    if (to && (direction === 'undo' ? t.after : t.before)) builder.replace(t.section, to);
  }
  const additions = touched.filter((t) => target(t) && !(direction === 'undo' ? t.after : t.before)).sort((a, b) => a.index - b.index);
  for (const t of additions) builder.add(t.section, target(t)!, t.index);
  return { operations: builder.operations };
}

// What refers to what (docs/format.md): the lists an id may be taken out of, and the single
// references without which an item means nothing.
const listRefs: Record<string, { field: string; min: number }[]> = {
  information: [{ field: 'about', min: 1 }],
  sightings: [{ field: 'people', min: 2 }],
  gaps: [{ field: 'about', min: 0 }],
  actions: [{ field: 'about', min: 0 }],
};
const singleRefs: Record<string, string[]> = { ties: ['from', 'to'], risks: ['about'] };
const optionalRefs: Record<string, string[]> = { sightings: ['location'], actions: ['owner_person'] };

/** What removing an item does to the rest of the document. */
export interface RemovalPlan {
  blocked: string; // why it cannot be removed, or ''
  removed: { section: string; item: Item }[]; // the item first, then what rests only on it
  changed: { section: string; before: Item; after: Item }[]; // items that no longer name it
  builder: PatchBuilder;
}

/** Removing `id` and everything that would otherwise point at nothing, in one patch. */
export function removalPlan(document: PeerMapDocument, id: string): RemovalPlan {
  const gone = new Set<string>([id]);
  const removed: RemovalPlan['removed'] = [];
  const first = find(document, id);
  if (first) removed.push({ section: first.section, item: first.item });
  const blocked = document.map.subject_children.includes(id)
    ? `${describeName(document, 'people', first?.item ?? { id })} is a subject child of this map, so they cannot be removed. Change the map's subject children first.`
    : '';
  // Repeat until nothing more falls: a removed tie takes information that rested only on it.
  for (let again = true; again; ) {
    again = false;
    for (const section of sections) {
      for (const item of itemsOf(document, section)) {
        if (gone.has(item.id)) continue;
        const single = (singleRefs[section] ?? []).some((f) => gone.has(item[f] as string));
        const emptied = (listRefs[section] ?? []).some((r) => {
          const list = (item[r.field] as string[] | undefined) ?? [];
          return r.min > 0 && list.some((x) => gone.has(x)) && list.filter((x) => !gone.has(x)).length < r.min;
        });
        if (single || emptied) {
          gone.add(item.id);
          removed.push({ section, item });
          again = true;
        }
      }
    }
  }
  const builder = new PatchBuilder(document);
  const changed: RemovalPlan['changed'] = [];
  for (const section of sections) {
    for (const item of itemsOf(document, section)) {
      if (gone.has(item.id)) continue;
      const after: Item = { ...item };
      for (const r of listRefs[section] ?? []) {
        const list = item[r.field] as string[] | undefined;
        if (!list?.some((x) => gone.has(x))) continue;
        const left = list.filter((x) => !gone.has(x));
        if (left.length) after[r.field] = left;
        else delete after[r.field]; // an optional list left empty is left out
      }
      for (const f of optionalRefs[section] ?? []) if (gone.has(item[f] as string)) delete after[f];
      // An attendee who is a person on the map stays an attendee, no longer linked to them.
      const attendees = item.attendees as Attendee[] | undefined;
      if (section === 'meetings' && attendees?.some((a) => a.person && gone.has(a.person))) {
        after.attendees = attendees.map(({ person, ...a }) => (person && gone.has(person) ? a : { ...a, person }));
      }
      if (!sameJson(after, item)) {
        changed.push({ section, before: item, after });
        builder.replace(section, after);
      }
    }
  }
  for (const { section, item } of [...removed].reverse()) builder.remove(section, item.id);
  // Pins and ecomap placements of what is gone go too.
  const pins = (document.pins as { ref: string }[] | undefined) ?? [];
  for (let i = pins.length - 1; i >= 0; i -= 1) {
    if (gone.has(pins[i].ref)) builder.operations.push({ op: 'remove', path: `/pins/${i}` });
  }
  const ecomaps = (document.ecomaps as { centre: string; placements: { ref: string }[] }[] | undefined) ?? [];
  for (let e = ecomaps.length - 1; e >= 0; e -= 1) {
    if (gone.has(ecomaps[e].centre)) {
      builder.operations.push({ op: 'remove', path: `/ecomaps/${e}` });
      continue;
    }
    const placements = ecomaps[e].placements ?? [];
    for (let i = placements.length - 1; i >= 0; i -= 1) {
      if (gone.has(placements[i].ref)) builder.operations.push({ op: 'remove', path: `/ecomaps/${e}/placements/${i}` });
    }
  }
  return { blocked, removed, changed, builder };
}

// ---- In words ----

export function nameIn(document: PeerMapDocument, id: string): string {
  const found = find(document, id);
  if (!found) return id;
  return describeName(document, found.section, found.item);
}

export const natureNames: Record<string, string> = {
  friend: 'Friend', family: 'Family', partner: 'Partner', associate: 'Associate',
  online: 'Online', rival: 'Rival', professional: 'Professional', other: 'Other',
};
export const strengthNames = ['', 'weak', 'moderate', 'strong'];
export const placeKinds: Record<string, string> = {
  school: 'School', park: 'Park', shop: 'Shop', home: 'Home', hotel: 'Hotel', 'transport-hub': 'Transport hub',
  'youth-club': 'Youth club', 'sports-club': 'Sports club', 'shopping-centre': 'Shopping centre or retail park',
  estate: 'Estate', online: 'Online space', other: 'Other',
};
export const groupKinds: Record<string, string> = {
  friendship: 'Friendship group', gang: 'Gang or street group', 'school-year': 'School year', 'sports-team': 'Sports team', online: 'Online group', other: 'Other',
};
export const valenceNames: Record<string, string> = { unknown: 'Not known', protective: 'Protective', risky: 'Risky', mixed: 'Mixed' };

export function tieWords(document: PeerMapDocument, tie: Tie): string {
  const a = nameIn(document, tie.from);
  const b = nameIn(document, tie.to);
  if (tie.kind === 'frequents') return `${a} frequents ${b}`;
  if (tie.kind === 'member-of') return `${a} is a member of ${b}`;
  const parts = [`${a} and ${b}: ${tie.nature ?? 'associate'}`];
  if (tie.strength) parts.push(strengthNames[tie.strength] ?? '');
  if (tie.tension) parts.push('tension');
  if (tie.exploitation) parts.push(`exploitation or control by ${nameIn(document, tie.exploitation.by)}`);
  if (tie.influence) parts.push(`${nameIn(document, tie.influence.leader)} leads`);
  if (tie.valence && tie.valence !== 'unknown') parts.push(tie.valence);
  return parts.filter(Boolean).join(', ');
}

export function gradingWords(g?: Grading): string {
  if (!g) return 'Not graded';
  if (g.scheme === 'simple') return g.reliable === true ? 'Reliable source' : g.reliable === false ? 'Source not reliable' : 'Reliability not known';
  return `${g.scheme}: ${g.source}${g.intelligence}${g.handling}`;
}

const kindWords: Record<string, string> = {
  people: 'person', locations: 'place', groups: 'group', ties: 'tie', information: 'information item',
  sightings: 'sighting', risks: 'risk or strength', gaps: 'information gap', actions: 'action', meetings: 'meeting',
  map: "map's details",
};

export function kindName(section: string): string {
  return kindWords[section] ?? 'item';
}

/** An item as the room knows it: a name, a tie in words, the start of what was said. */
export function describeName(document: PeerMapDocument, section: string, item: Item): string {
  const cut = (s: unknown) => {
    const t = shown(typeof s === 'string' ? s : '');
    return t.length > 60 ? `${t.slice(0, 57)}…` : t;
  };
  switch (section) {
    case 'people':
      return shown((item.full_name as string) ?? item.id);
    case 'locations':
    case 'groups':
      return shown((item.name as string) ?? item.id);
    case 'ties':
      return item.from && item.to ? tieWords(document, item as unknown as Tie) : item.id;
    case 'information':
      return `information “${cut(item.summary)}”`;
    case 'sightings':
      return `the sighting of ${((item.people as string[]) ?? []).map((p) => nameIn(document, p)).join(', ')} on ${longDate(item.date as string)}`;
    case 'risks':
      return `the ${item.kind === 'strength' ? 'strength' : 'risk'} “${cut(item.description)}”`;
    case 'gaps':
      return `the gap “${cut(item.question)}”`;
    case 'meetings':
      return `the meeting on ${longDate(item.date as string) || 'a date not given'}`;
    case 'actions':
      return `the action “${cut(item.description)}”`;
    case mapSection:
      return "the map's details";
    default:
      return item.id;
  }
}

/** An attendee in words: "Rachel Adeyemi, Police (Detective Sergeant)". */
export function attendeeWords(document: PeerMapDocument, a: Attendee): string {
  const who = [shown(a.name), shown(a.agency)].filter(Boolean).join(', ');
  const extra = [a.role ? shown(a.role) : '', a.person ? `on the map as ${nameIn(document, a.person)}` : ''].filter(Boolean).join('; ');
  return extra ? `${who} (${extra})` : who;
}

/** Each field of an item in words, for the conflict's two versions side by side. */
export function describeFields(document: PeerMapDocument, section: string, item: Item | null): [string, string][] {
  if (!item) return [];
  const names = (ids: unknown) => ((ids as string[] | undefined) ?? []).map((x) => nameIn(document, x)).join(', ');
  const text = (v: unknown) => (typeof v === 'string' ? shown(v) : '');
  const list = (v: unknown) => ((v as string[] | undefined) ?? []).map(shown).join(', ');
  const rows: [string, string][] = [];
  const row = (label: string, value: string) => rows.push([label, value || '—']);
  switch (section) {
    case 'people':
      row('Full name', text(item.full_name));
      row('Known as', list(item.known_as));
      row('Date of birth', longDate(item.date_of_birth as string));
      row('Age band', item.age_band ? ageBandNames[item.age_band as keyof typeof ageBandNames] : '');
      row('Gender', genderNames[(item.gender as keyof typeof genderNames) ?? 'unknown']);
      row('Role', roleNames[item.role as keyof typeof roleNames] ?? '');
      row('School', text(item.school));
      row('Services', list(item.services));
      row('ROTH', item.roth ? 'Yes' : 'No');
      row('Notes', text(item.notes));
      break;
    case 'locations':
    case 'groups':
      row('Name', text(item.name));
      row('Kind', (section === 'locations' ? placeKinds : groupKinds)[item.kind as string] ?? text(item.kind));
      row('Notes', text(item.notes));
      break;
    case 'ties':
      row('Tie', tieWords(document, item as unknown as Tie));
      row('Notes', text(item.notes));
      break;
    case 'information': {
      const source = item.source as { agency?: string; person?: string } | undefined;
      row('What was said', text(item.summary));
      row('Source', [text(source?.agency), text(source?.person)].filter(Boolean).join(', '));
      row('Evidence', item.evidence === 'evidenced' ? 'Evidenced' : 'Anecdotal');
      row('Observed', longDate(item.observed as string));
      row('Recorded', longDate(item.recorded as string));
      row('Grading', gradingWords(item.grading as Grading | undefined));
      row('About', names(item.about));
      break;
    }
    case 'sightings':
      row('Who', names(item.people));
      row('Where', item.location ? nameIn(document, item.location as string) : '');
      row('When', longDate(item.date as string));
      row('Seen by', text(item.seen_by));
      row('Notes', text(item.notes));
      break;
    case 'risks':
      row('Kind', item.kind === 'strength' ? 'Strength' : 'Risk');
      row('About', nameIn(document, item.about as string));
      row('Description', text(item.description));
      break;
    case 'gaps':
      row('Question', text(item.question));
      row('About', names(item.about));
      row('Who will find out', text(item.owner));
      row('By', longDate(item.due as string));
      break;
    case 'meetings':
      row('Date', longDate(item.date as string));
      row('Objectives', text(item.objectives));
      row('Attendees', ((item.attendees as Attendee[] | undefined) ?? []).map((a) => attendeeWords(document, a)).join('; '));
      break;
    case 'actions':
      row('Outcome or action', actionTypeNames[item.type as ActionType] ?? text(item.type));
      row('Description', text(item.description));
      row('Owner', text(item.owner));
      row('Owner on the map', item.owner_person ? nameIn(document, item.owner_person as string) : '');
      row('Due', longDate(item.due as string));
      row('Status', actionStatusNames[(item.status as keyof typeof actionStatusNames) ?? 'open']);
      row('About', names(item.about));
      break;
    case mapSection:
      row('Title', text(item.title));
      row('Subject children', names(item.subject_children));
      row('Purpose and objectives', text(item.purpose));
      row('Concern types', ((item.concern_types as string[] | undefined) ?? []).map((c) => concernLabel(shown(c))).join(', '));
      row('Status', statusNames[item.status as keyof typeof statusNames] ?? text(item.status));
      row('Map date', longDate(item.map_date as string));
      row('Review date', longDate(item.review_date as string));
      row('Protective marking', text(item.protective_marking) || 'OFFICIAL-SENSITIVE');
      break;
    default:
      row('Item', item.id);
  }
  return rows;
}
