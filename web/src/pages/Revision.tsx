// One revision of a map, read-only: its drawing (the server's, for that revision) and its text
// alternative, clearly marked, with no editing controls. Revisions never change.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { PeerMapDocument, RevisionInfo } from '../api/types';
import { MapView } from '../components/MapView';
import { longDate, longDateTime } from '../model/dates';
import { adultStatus, ageBandNames, roleNames } from '../model/people';
import { shown } from '../model/text';
import { Link } from '../router';
import { nameIn, tieWords } from '../model/items';
import { focusSoon } from '../focus';

function Details({ document, id }: { document: PeerMapDocument; id: string }) {
  const person = document.people?.find((p) => p.id === id);
  const other = document.groups?.find((g) => g.id === id) ?? document.locations?.find((l) => l.id === id);
  const rows: [string, string][] = [];
  if (person) {
    const adult = adultStatus(person, document.map.map_date);
    rows.push(['Role', roleNames[person.role]]);
    rows.push(['Adult or child', `${adult.adult ? 'Adult' : 'Child'} (${adult.because})`]);
    if (person.known_as?.length) rows.push(['Known as', person.known_as.map(shown).join(', ')]);
    if (person.date_of_birth) rows.push(['Date of birth', longDate(person.date_of_birth)]);
    if (person.age_band) rows.push(['Age band', ageBandNames[person.age_band]]);
    if (person.school) rows.push(['School', shown(person.school)]);
    if (person.notes) rows.push(['Notes', shown(person.notes)]);
  } else if (other) {
    rows.push(['Kind', other.kind]);
    if (other.notes) rows.push(['Notes', shown(other.notes)]);
  }
  const ties = (document.ties ?? []).filter((t) => t.from === id || t.to === id);
  return (
    <>
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">{nameIn(document, id)}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        {rows.map(([term, value]) => (
          <div class="govuk-summary-list__row" key={term}>
            <dt class="govuk-summary-list__key">{term}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      <h3 class="govuk-heading-s">{`Ties (${ties.length})`}</h3>
      <ul class="govuk-list govuk-body-s">{ties.map((t) => <li key={t.id}>{tieWords(document, t)}</li>)}</ul>
    </>
  );
}

export function Revision({ id, n }: { id: string; n: number }) {
  const [document_, setDocument] = useState<PeerMapDocument | null>(null);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    setDocument(null);
    setSelected(null);
    Promise.all([api.revision(id, n), api.revisions(id)]).then(([doc, list]) => {
      setDocument(doc);
      setRevisions(list);
      document.title = `Revision ${n}: ${shown(doc.map.title)} – peermap`;
    }, () => setFailed(true));
  }, [id, n]);

  if (failed) {
    return (
      <main class="govuk-width-container govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-l">Revision not found</h1>
        <p class="govuk-body">There is no such revision, or you may not see this map. <Link class="govuk-link" href="/maps">Back to maps</Link></p>
      </main>
    );
  }
  if (!document_) return <main class="govuk-width-container govuk-main-wrapper" id="main-content"><p class="govuk-body">Opening the revision…</p></main>;
  const doc = document_;
  const m = doc.map;
  const newest = revisions.length ? revisions[revisions.length - 1].revision : n;
  const info = revisions.find((r) => r.revision === n);
  const select = (next: string) => {
    setSelected(next);
    focusSoon('panel-heading');
  };
  const people = doc.people ?? [];
  const sections: [string, { id: string; text: string }[]][] = [
    ['Children', people.filter((p) => p.role !== 'professional' && !adultStatus(p, m.map_date).adult).map((p) => ({ id: p.id, text: shown(p.full_name) }))],
    ['Adults', people.filter((p) => p.role !== 'professional' && adultStatus(p, m.map_date).adult).map((p) => ({ id: p.id, text: shown(p.full_name) }))],
    ['Professionals', people.filter((p) => p.role === 'professional').map((p) => ({ id: p.id, text: shown(p.full_name) }))],
    ['Groups', (doc.groups ?? []).map((g) => ({ id: g.id, text: shown(g.name) }))],
    ['Places', (doc.locations ?? []).map((l) => ({ id: l.id, text: shown(l.name) }))],
  ];
  const relationships = (doc.ties ?? []).filter((t) => t.kind === 'relationship');

  return (
    <main class="pm-editor pm-revision" id="main-content">
      <div class="pm-editor__bar">
        <p class="govuk-body-s govuk-!-margin-bottom-1">
          <Link class="govuk-link" href={`/maps/${id}/history`}>Back to the history</Link> ·{' '}
          <Link class="govuk-link" href={`/maps/${id}`}>Open the current map</Link>
          {n > 1 ? <> · <Link class="govuk-link" href={`/maps/${id}/compare/${n - 1}/${n}`}>What changed in this revision</Link></> : null}
          {n < newest ? <> · <Link class="govuk-link" href={`/maps/${id}/compare/${n}/${newest}`}>Compare with the newest</Link></> : null}
        </p>
        <h1 class="govuk-heading-m">{shown(m.title)}</h1>
        <p class="govuk-body-s govuk-!-margin-bottom-0">
          <strong class="govuk-tag govuk-tag--orange pm-revision-tag" id="revision-marker">{`Revision ${n} of ${newest}, read-only`}</strong>{' '}
          {info ? `Saved by ${shown(info.author)} on ${longDateTime(info.created_at)}: ${shown(info.summary)}. ` : ''}
          Subject: {m.subject_children.map((s) => nameIn(doc, s)).join(', ')} · Map date {longDate(m.map_date)} ·{' '}
          <strong>{shown(m.protective_marking) || 'OFFICIAL-SENSITIVE'}</strong>
        </p>
      </div>
      <nav class="pm-editor__list" aria-label="People and places in this revision">
        <h2 class="govuk-heading-s">People and places</h2>
        {sections.filter(([, entries]) => entries.length).map(([title, entries]) => (
          <div key={title}>
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{`${title} (${entries.length})`}</h3>
            <ul class="pm-list">
              {entries.map((e) => (
                <li key={e.id}>
                  <button type="button" class="pm-link-button" aria-pressed={selected === e.id} onClick={() => select(e.id)}>{e.text}</button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {relationships.length ? (
          <details class="govuk-details pm-details-plain">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{`Ties (${relationships.length})`}</span>
            </summary>
            <div class="govuk-details__text">
              <ul class="govuk-list govuk-body-s">{relationships.map((t) => <li key={t.id}>{tieWords(doc, t)}</li>)}</ul>
            </div>
          </details>
        ) : null}
      </nav>
      <section class="pm-editor__map" aria-label={`Map, revision ${n}`}>
        <MapView mapId={id} revision={n} title={`${shown(m.title)}, revision ${n}`} selected={selected} onSelect={select} nameOf={(x) => nameIn(doc, x)} />
      </section>
      {/* Focusable: it scrolls, and holds only text (no control to reach it by). */}
      <aside class="pm-editor__panel" aria-label="Selected" tabIndex={0}>
        {selected ? <Details document={doc} id={selected} /> : (
          <p class="govuk-body-s">This is the map as it was saved in revision {n}. Select a person, place or group to read their details. Nothing can be changed here.</p>
        )}
      </aside>
    </main>
  );
}
