// The map editor, first slice: the server's drawing in the centre, its text alternative on the
// left, the selected person, place or group with their graded information on the right.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { MapLayout, MapViewOptions, PeerMapDocument, Person } from '../api/types';
import { AnalysisPanel } from '../components/AnalysisPanel';
import { CommandBar } from '../components/CommandBar';
import { MapView } from '../components/MapView';
import { type PanelMode, SidePanel } from '../components/SidePanel';
import { ViewControls, ViewedList, ViewedPanel, isCurrentView } from '../components/ViewControls';
import { LiveStatus } from '../components/LiveStatus';
import { PinControls } from '../components/PinControls';
import { ReviewTag, StatusTag } from '../components/Tag';
import { TidyMap } from '../components/TidyMap';
import { UndoRedo } from '../components/UndoRedo';
import { longDate } from '../model/dates';
import { actionStatusNames, actionTypeNames } from '../model/exercise';
import { nameIn, tieWords } from '../model/items';
import { adultStatus } from '../model/people';
import { pinOperations } from '../model/pins';
import { shown } from '../model/text';
import { Link } from '../router';
import { mapStore, useMapState } from '../store';
import { focusSoon } from '../focus';

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

/** The meetings and the outcomes and actions in the text alternative; each opens "About this map". */
function ExerciseList({ document, onSelect }: { document: PeerMapDocument; onSelect: (id: string) => void }) {
  const meetings = document.meetings ?? [];
  const actions = document.actions ?? [];
  const section = (title: string, entries: { id: string; text: string }[]) =>
    entries.length ? (
      <details class="govuk-details pm-details-plain">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">{`${title} (${entries.length})`}</span>
        </summary>
        <div class="govuk-details__text">
          <ul class="govuk-list govuk-body-s">
            {entries.map((e) => (
              <li key={e.id}>
                <button type="button" class="pm-link-button" onClick={() => onSelect(e.id)}>{e.text}</button>
              </li>
            ))}
          </ul>
        </div>
      </details>
    ) : null;
  return (
    <>
      {section('Meetings', meetings.map((m) => ({
        id: m.id,
        text: `${longDate(m.date)}: ${(m.attendees ?? []).map((a) => shown(a.name)).join(', ') || 'no attendees recorded'}`,
      })))}
      {section('Outcomes and actions', actions.map((a) => ({
        id: a.id,
        text: `${actionTypeNames[a.type] ?? shown(a.type)}: ${shown(a.description)} (${shown(a.owner)}, ${actionStatusNames[a.status ?? 'open'].toLowerCase()})`,
      })))}
    </>
  );
}

export function Editor({ id }: { id: string }) {
  const state = useMapState();
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<PanelMode>({ kind: 'view' });
  const [notice, setNotice] = useState('');
  const [filter, setFilter] = useState('');
  const [analysis, setAnalysis] = useState(false);
  // Projector mode: for the shared screen, larger text and no editing chrome.
  const [projector, setProjector] = useState(false);
  const leaveProjector = () => {
    setProjector(false);
    focusSoon('projector-toggle');
  };
  const [layout, setLayout] = useState<MapLayout | null>(null);
  const panel = useRef<HTMLElement>(null);
  // The view drawn (as-of, disclosure copy, ecomap); editing is for the current, whole map only.
  const [shows, setShows] = useState<MapViewOptions>({});
  const [viewLayout, setViewLayout] = useState<MapLayout | null>(null);
  // What is selected in a view is its own, so a form being typed into stays as it was.
  const [viewSelected, setViewSelected] = useState<string | null>(null);
  const editable = isCurrentView(shows);
  const changeView = (v: MapViewOptions) => { setShows(v); setViewLayout(null); setViewSelected(null); };
  const selectInView = (next: string | null) => {
    setViewSelected(next);
    focusSoon('view-panel-heading');
  };

  useEffect(() => {
    mapStore.open(id).catch(() => setFailed(true));
    return () => mapStore.clear();
  }, [id]);

  // A save answered: its drawing is asked for at once, while the document is read again.
  useEffect(() => mapStore.onRevision((map, revision) => map === id && api.drawAhead(map, revision, shows)), [id, shows]);

  // An open form edits the revision it opened on, while the map follows others' saves (live.ts).
  useEffect(() => (mode.kind === 'view' ? mapStore.unpin() : mapStore.pin()), [mode.kind]);

  useEffect(() => {
    if (state?.id === id) document.title = `${shown(state.document.map.title)} – peermap`;
  }, [state]);

  // Selecting moves focus to the panel's heading, or to `focus` (a new entry, a notice).
  const select = (next: string | null, focus?: string, message = '') => {
    setAnalysis(false);
    setSelected(next);
    setMode({ kind: 'view' });
    setNotice(message);
    const target = focus ?? (message ? 'notice-text' : 'panel-heading');
    focusSoon(target, 'panel-heading');
  };
  const openForm = (next: PanelMode) => {
    setAnalysis(false);
    setNotice('');
    setMode(next);
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
  const selectedPerson = doc.people?.find((p) => p.id === selected) ?? null;

  return (
    <main class={`pm-editor${projector ? ' pm-editor--projector' : ''}`} id="main-content"
      onKeyDown={(e) => { if (projector && e.key === 'Escape') leaveProjector(); }}>
      <div class="pm-editor__bar">
        <h1 class="govuk-heading-m">{shown(m.title)}</h1>
        <p class="govuk-body-s">
          <StatusTag status={m.status} />{' '}
          {m.review_date ? <>Review {longDate(m.review_date)} <ReviewTag date={m.review_date} /> · </> : null}
          Subject: {m.subject_children.map((s) => nameIn(doc, s)).join(', ')} · Map date {longDate(m.map_date)} ·{' '}
          <strong>{shown(m.protective_marking) || 'OFFICIAL-SENSITIVE'}</strong> · revision {state.revision} ·{' '}
          <Link class="govuk-link" href={`/maps/${id}/history`}>History</Link>
          {editable ? <> · <button type="button" class="pm-link-button pm-link-button--link" onClick={() => select(null)}>About this map</button></> : null}
        </p>
        <ViewControls mapId={id} revision={state.revision} document={doc} view={shows} onChange={changeView} />
        <LiveStatus mapId={id} />
        <div class="pm-editor__projector">
          <button type="button" id="projector-toggle" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-pressed={projector}
            onClick={() => (projector ? leaveProjector() : setProjector(true))}>
            {projector ? 'Leave projector mode' : 'Projector mode'}
          </button>
          {projector ? <span class="govuk-body-s govuk-!-margin-0"> (or press Escape)</span> : null}
        </div>
        {editable && !projector ? (
          <div class="pm-editor__side">
            <UndoRedo onDone={(words) => select(selected, undefined, words)} />
            <div class="pm-editor__actions">
              <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" aria-pressed={analysis}
                onClick={() => { setSelected(null); setMode({ kind: 'view' }); setAnalysis(true); focusSoon('panel-heading'); }}>
                Analysis
              </button>
              <TidyMap />
            </div>
          </div>
        ) : null}
      </div>
      <nav class="pm-editor__list" aria-label="People and places">
        <h2 class="govuk-heading-s">People and places</h2>
        {editable ? null : <ViewedList layout={viewLayout} document={doc} selected={viewSelected} onSelect={selectInView} />}
        <div hidden={!editable}>
        <p class="govuk-body-s">Press Ctrl+K to find or add a person by name.</p>
        <div class="govuk-button-group pm-add-buttons">
          <button type="button" class="govuk-button" onClick={() => openForm({ kind: 'form', form: 'person', id: null })}>
            Add a person
          </button>
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => openForm({ kind: 'form', form: 'place', id: null, subject: selected ?? undefined })}>
            Add a place
          </button>
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => openForm({ kind: 'form', form: 'group', id: null, subject: selected ?? undefined })}>
            Add a group
          </button>
        </div>
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
        <ExerciseList document={doc} onSelect={(entry) => select(null, `entry-${entry}`)} />
        </div>
      </nav>
      <section class="pm-editor__map" aria-label="Map">
        <MapView mapId={id} revision={state.revision} title={shown(m.title)} selected={editable ? selected : viewSelected}
          onSelect={editable ? select : selectInView} nameOf={(x) => nameIn(doc, x)} shows={shows}
          onLayout={(l) => (editable ? setLayout(l) : setViewLayout(l))}
          onPin={editable ? (who, x, y) => { mapStore.save(pinOperations(doc, who, x, y), (newest) => pinOperations(newest, who, x, y), 'Pin').catch(() => undefined); } : undefined} />
      </section>
      <aside class="pm-editor__panel" aria-label="Selected" ref={panel}>
        {!editable ? (
          <ViewedPanel layout={viewLayout} view={shows} document={doc} selected={viewSelected} onBack={() => changeView({})} />
        ) : null}
        <div hidden={!editable}>
          {analysis ? (
            <AnalysisPanel mapId={id} revision={state.revision} document={doc} onSelect={select} onClose={() => setAnalysis(false)} />
          ) : (
            <>
              <SidePanel document={(mode.kind !== 'view' && mapStore.editBase?.document) || doc} selected={selected} mode={mode} notice={notice} onSelect={select} onMode={openForm} />
              {mode.kind === 'view' && selectedPerson ? <PinControls key={selectedPerson.id} document={doc} person={selectedPerson} layout={layout} /> : null}
            </>
          )}
        </div>
      </aside>
      {editable ? <CommandBar
        document={doc}
        onCommand={(c) => {
          if (c.kind === 'select') return select(c.id);
          if (c.kind === 'saved') return select(c.id, undefined, c.words);
          setSelected(null);
          openForm({ kind: 'form', form: 'person', id: null, initialName: c.name });
        }}
      /> : null}
    </main>
  );
}
