// The map editor, first slice: the server's drawing in the centre, its text alternative on the
// left, the selected person, place or group with their graded information on the right.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Grading, InformationItem, MapLayout, PeerMapDocument, Person, Tie } from '../api/types';
import { AnalysisPanel } from '../components/AnalysisPanel';
import { PinControls } from '../components/PinControls';
import { TidyMap } from '../components/TidyMap';
import { pinOperations } from '../model/pins';
import { CommandBar } from '../components/CommandBar';
import { MapView } from '../components/MapView';
import { PersonForm } from '../components/PersonForm';
import { TieForm } from '../components/TieForm';
import { InformationForm } from '../components/InformationForm';
import { ReviewTag, StatusTag } from '../components/Tag';
import { longDate } from '../model/dates';
import { adultStatus, ageBandNames, genderNames, roleNames } from '../model/people';
import { shown } from '../model/text';
import { Link } from '../router';
import { mapStore, useMapState } from '../store';

function nameIn(document: PeerMapDocument, id: string): string {
  const p = document.people?.find((x) => x.id === id);
  if (p) return shown(p.full_name);
  const l = document.locations?.find((x) => x.id === id);
  if (l) return shown(l.name);
  const g = document.groups?.find((x) => x.id === id);
  if (g) return shown(g.name);
  return id;
}

function tieWords(document: PeerMapDocument, tie: Tie): string {
  const a = nameIn(document, tie.from);
  const b = nameIn(document, tie.to);
  if (tie.kind === 'frequents') return `${a} frequents ${b}`;
  if (tie.kind === 'member-of') return `${a} is a member of ${b}`;
  const parts = [`${a} and ${b}: ${tie.nature ?? 'associate'}`];
  if (tie.strength) parts.push(['', 'weak', 'moderate', 'strong'][tie.strength] ?? '');
  if (tie.tension) parts.push('tension');
  if (tie.exploitation) parts.push(`exploitation or control by ${nameIn(document, tie.exploitation.by)}`);
  if (tie.influence) parts.push(`${nameIn(document, tie.influence.leader)} leads`);
  if (tie.valence && tie.valence !== 'unknown') parts.push(tie.valence);
  return parts.filter(Boolean).join(', ');
}

function gradingWords(g?: Grading): string {
  if (!g) return 'Not graded';
  if (g.scheme === 'simple') return g.reliable === true ? 'Reliable source' : g.reliable === false ? 'Source not reliable' : 'Reliability not known';
  return `${g.scheme}: ${g.source}${g.intelligence}${g.handling}`;
}

function Row({ term, children }: { term: string; children: unknown }) {
  if (children === undefined || children === '' || children === null) return null;
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{term}</dt>
      <dd class="govuk-summary-list__value">{children as string}</dd>
    </div>
  );
}

function Information({ items, document }: { items: InformationItem[]; document: PeerMapDocument }) {
  if (!items.length) return <p class="govuk-body-s">No information recorded yet.</p>;
  return (
    <ul class="govuk-list">
      {items.map((item) => (
        <li key={item.id} class="govuk-!-margin-bottom-3">
          <p class="govuk-body-s govuk-!-margin-bottom-1">{shown(item.summary)}</p>
          <p class="govuk-body-s govuk-!-margin-bottom-0">
            <strong class={`govuk-tag govuk-tag--${item.evidence === 'evidenced' ? 'green' : 'yellow'}`}>
              {item.evidence === 'evidenced' ? 'Evidenced' : 'Anecdotal'}
            </strong>{' '}
            {gradingWords(item.grading)} · {shown(item.source.agency)}
            {item.source.person ? ` (${shown(item.source.person)})` : ''}
            {item.observed ? ` · observed ${longDate(item.observed)}` : ''}
            {item.about.length > 1 ? ` · also about ${item.about.map((a) => nameIn(document, a)).join(', ')}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

function PersonDetails({ document, person, onEdit, onAddTie, onAddInformation }: {
  document: PeerMapDocument;
  person: Person;
  onEdit: () => void;
  onAddTie: () => void;
  onAddInformation: () => void;
}) {
  const adult = adultStatus(person, document.map.map_date);
  const ties = (document.ties ?? []).filter((t) => t.from === person.id || t.to === person.id);
  const tieIds = new Set(ties.map((t) => t.id));
  const items = (document.information ?? []).filter((i) => i.about.includes(person.id) || i.about.some((a) => tieIds.has(a)));
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">{shown(person.full_name)}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <Row term="Known as">{(person.known_as ?? []).map(shown).join(', ') || undefined}</Row>
        <Row term="Role">{roleNames[person.role]}</Row>
        <Row term="Adult or child">{`${adult.adult ? 'Adult' : 'Child'} (${adult.because})`}</Row>
        <Row term="Date of birth">{person.date_of_birth ? longDate(person.date_of_birth) : undefined}</Row>
        <Row term="Age band">{person.age_band ? ageBandNames[person.age_band] : undefined}</Row>
        <Row term="Gender">{genderNames[person.gender ?? 'unknown']}</Row>
        <Row term="School">{shown(person.school)}</Row>
        <Row term="Services">{(person.services ?? []).map(shown).join(', ') || undefined}</Row>
        <Row term="At risk outside the home">{person.roth ? 'Yes (ROTH)' : undefined}</Row>
        <Row term="Notes">{shown(person.notes)}</Row>
      </dl>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onEdit}>Edit person</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onAddTie}>Add a tie</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onAddInformation}>Add information</button>
      </div>
      <h3 class="govuk-heading-s">Ties ({ties.length})</h3>
      <ul class="govuk-list govuk-body-s">
        {ties.map((t) => <li key={t.id}>{tieWords(document, t)}</li>)}
      </ul>
      <h3 class="govuk-heading-s">Information ({items.length})</h3>
      <Information items={items} document={document} />
    </>
  );
}

function PlaceOrGroup({ document, id }: { document: PeerMapDocument; id: string }) {
  const place = document.locations?.find((l) => l.id === id);
  const group = document.groups?.find((g) => g.id === id);
  const item = place ?? group;
  if (!item) return null;
  const members = (document.ties ?? []).filter((t) => t.to === id).map((t) => nameIn(document, t.from));
  const items = (document.information ?? []).filter((i) => i.about.includes(id));
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">{shown(item.name)}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        <Row term={place ? 'Place' : 'Group'}>{item.kind}</Row>
        <Row term="Notes">{shown(item.notes)}</Row>
        <Row term={place ? 'Frequented by' : 'Members'}>{members.join(', ') || 'Nobody yet'}</Row>
      </dl>
      <h3 class="govuk-heading-s">Information ({items.length})</h3>
      <Information items={items} document={document} />
    </>
  );
}

function ListSection({ title, entries, selected, onSelect }: {
  title: string;
  entries: { id: string; text: string }[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  if (!entries.length) return null;
  return (
    <>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{`${title} (${entries.length})`}</h3>
      <ul class="pm-list">
        {entries.map((e) => (
          <li key={e.id}>
            <button type="button" class="pm-link-button" aria-pressed={selected === e.id} onClick={() => onSelect(e.id)}>
              {e.text}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Editor({ id }: { id: string }) {
  const state = useMapState();
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<'new' | 'person' | 'tie' | 'information' | null>(null);
  const [newName, setNewName] = useState('');
  const [filter, setFilter] = useState('');
  const [analysis, setAnalysis] = useState(false);
  const [layout, setLayout] = useState<MapLayout | null>(null);
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    mapStore.open(id).catch(() => setFailed(true));
    return () => mapStore.clear();
  }, [id]);

  useEffect(() => {
    if (state?.id === id) document.title = `${shown(state.document.map.title)} – peermap`;
  }, [state]);

  const select = (next: string | null) => {
    setAnalysis(false);
    setSelected(next);
    setEditing(null);
    requestAnimationFrame(() => window.document.getElementById('panel-heading')?.focus());
  };

  if (failed) {
    return (
      <main class="govuk-width-container govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-l">Map not found</h1>
        <p class="govuk-body">There is no such map, or you may not see it. <Link class="govuk-link" href="/maps">Back to maps</Link></p>
      </main>
    );
  }
  if (!state || state.id !== id) return <main class="govuk-main-wrapper govuk-width-container" id="main-content"><p class="govuk-body">Opening the map…</p></main>;

  const doc = state.document;
  const m = doc.map;
  const q = filter.trim().toLocaleLowerCase();
  const matches = (text: string) => !q || text.toLocaleLowerCase().includes(q);
  const people = (doc.people ?? []).filter((p) => matches([p.full_name, ...(p.known_as ?? [])].join(' ')));
  const label = (p: Person) => shown(p.full_name) + (p.known_as?.length ? ` (“${p.known_as.map(shown).join('”, “')}”)` : '');
  const children = people.filter((p) => p.role !== 'professional' && !adultStatus(p, m.map_date).adult);
  const adults = people.filter((p) => p.role !== 'professional' && adultStatus(p, m.map_date).adult);
  const professionals = people.filter((p) => p.role === 'professional');
  const person = doc.people?.find((p) => p.id === selected) ?? null;

  return (
    <main class="pm-editor" id="main-content">
      <div class="pm-editor__bar">
        <h1 class="govuk-heading-m">{shown(m.title)}</h1>
        <p class="govuk-body-s">
          <StatusTag status={m.status} />{' '}
          {m.review_date ? <>Review {longDate(m.review_date)} <ReviewTag date={m.review_date} /> · </> : null}
          Subject: {m.subject_children.map((s) => nameIn(doc, s)).join(', ')} · Map date {longDate(m.map_date)} ·{' '}
          <strong>{shown(m.protective_marking) || 'OFFICIAL-SENSITIVE'}</strong> · revision {state.revision}
        </p>
        <div class="pm-editor__actions">
          <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-pressed={analysis}
            onClick={() => { setSelected(null); setEditing(null); setAnalysis(true); requestAnimationFrame(() => window.document.getElementById('panel-heading')?.focus()); }}>
            Analysis
          </button>
          <TidyMap />
        </div>
      </div>
      <nav class="pm-editor__list" aria-label="People and places">
        <h2 class="govuk-heading-s">People and places</h2>
        <p class="govuk-body-s">Press Ctrl+K to find or add a person by name.</p>
        <button type="button" class="govuk-button govuk-!-margin-bottom-3" onClick={() => { setSelected(null); setNewName(''); setEditing('new'); }}>
          Add a person
        </button>
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="list-filter">Find on this map</label>
          <input class="govuk-input" id="list-filter" type="search" value={filter} autocomplete="off" spellcheck={false}
            onInput={(e) => setFilter((e.target as HTMLInputElement).value)} />
        </div>
        <ListSection title="Children" entries={children.map((p) => ({ id: p.id, text: label(p) }))} selected={selected} onSelect={select} />
        <ListSection title="Adults" entries={adults.map((p) => ({ id: p.id, text: label(p) }))} selected={selected} onSelect={select} />
        <ListSection title="Professionals" entries={professionals.map((p) => ({ id: p.id, text: label(p) }))} selected={selected} onSelect={select} />
        <ListSection title="Groups" entries={(doc.groups ?? []).filter((g) => matches(g.name)).map((g) => ({ id: g.id, text: shown(g.name) }))} selected={selected} onSelect={select} />
        <ListSection title="Places" entries={(doc.locations ?? []).filter((l) => matches(l.name)).map((l) => ({ id: l.id, text: shown(l.name) }))} selected={selected} onSelect={select} />
        {(doc.ties ?? []).filter((t) => t.kind === 'relationship').length ? (
          <details class="govuk-details pm-details-plain">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{`Ties (${(doc.ties ?? []).filter((t) => t.kind === 'relationship').length})`}</span>
            </summary>
            <div class="govuk-details__text">
              <ul class="govuk-list govuk-body-s">
                {(doc.ties ?? []).filter((t) => t.kind === 'relationship').map((t) => <li key={t.id}>{tieWords(doc, t)}</li>)}
              </ul>
            </div>
          </details>
        ) : null}
      </nav>
      <section class="pm-editor__map" aria-label="Map">
        <MapView mapId={id} revision={state.revision} title={shown(m.title)} selected={selected} onSelect={select} nameOf={(x) => nameIn(doc, x)}
          onLayout={setLayout} onPin={(who, x, y) => { const ops = pinOperations(doc, who, x, y); mapStore.save(ops, (newest) => pinOperations(newest, who, x, y)).catch(() => undefined); }} />
      </section>
      <aside class="pm-editor__panel" aria-label="Selected" ref={panel}>
        {analysis ? (
          <AnalysisPanel mapId={id} revision={state.revision} document={doc} onSelect={select} onClose={() => setAnalysis(false)} />
        ) : editing === 'new' ? (
          <PersonForm key={`new:${newName}`} document={doc} person={null} initialName={newName} onDone={(x) => { setEditing(null); if (x) select(x); }} />
        ) : editing === 'person' && person ? (
          <PersonForm key={person.id} document={doc} person={person} onDone={(x) => { setEditing(null); if (x) select(x); }} />
        ) : editing === 'tie' && person ? (
          <TieForm key={`tie:${person.id}`} document={doc} person={person} onDone={() => select(person.id)} />
        ) : editing === 'information' && person ? (
          <InformationForm key={`info:${person.id}`} document={doc} person={person} onDone={() => select(person.id)}
            describeTie={(tieId) => { const t = doc.ties?.find((x) => x.id === tieId); return t ? tieWords(doc, t) : tieId; }} />
        ) : person ? (
          <>
            <PersonDetails document={doc} person={person} onEdit={() => setEditing('person')} onAddTie={() => setEditing('tie')}
              onAddInformation={() => setEditing('information')} />
            <PinControls key={person.id} document={doc} person={person} layout={layout} />
          </>
        ) : selected ? (
          <PlaceOrGroup document={doc} id={selected} />
        ) : (
          <p class="govuk-body-s">Select a person, place or group, on the map or in the list, to see their details and the information about them.</p>
        )}
      </aside>
      <CommandBar
        people={doc.people ?? []}
        onCommand={(c) => {
          if (c.kind === 'select') return select(c.id);
          setSelected(null);
          setNewName(c.name);
          setEditing('new');
        }}
      />
    </main>
  );
}
