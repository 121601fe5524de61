// The views of a map (DESIGN.md §2, "One view pipeline"): an as-of date, the redacted
// disclosure copy and a child's ecomap, chosen with GOV.UK form patterns and said in words;
// and the downloads of the drawing in that view; and the case record and its PowerPoint, whole
// or as a copy for an audience (docs/copies.md). The server draws every view and makes every
// record (map.svg, .png, .pdf, record.pdf, map.pptx, each read audited); the page only asks.
import { useEffect, useState } from 'preact/hooks';
import { drawingPath, viewQuery } from '../api/client';
import type { MapLayout, MapViewOptions, PeerMapDocument } from '../api/types';
import { longDate } from '../model/dates';
import { adultStatus } from '../model/people';
import { shown } from '../model/text';
import { type FieldError, errorFor } from '../model/problems';
import { ErrorSummary } from './ErrorSummary';
import { Checkbox, DateInput, type DateParts, Radios, Select, TextInput } from './Fields';
import { fromParts, toParts } from '../model/dates';

/** True for the view the editor edits: the whole, current network map. */
export function isCurrentView(view: MapViewOptions): boolean {
  return !view.asOf && !view.redact && !view.ecomap;
}

function personName(document: PeerMapDocument, id: string): string {
  const p = document.people?.find((x) => x.id === id);
  return p ? shown(p.full_name) : id;
}

/** The view in words: "Redacted disclosure copy of Mia Kowalczyk's ecomap as of 1 March 2026". */
export function viewWords(view: MapViewOptions, document: PeerMapDocument): string {
  let words = view.ecomap ? `${personName(document, view.ecomap)}’s ecomap` : 'The whole map';
  if (view.redact) words = view.ecomap ? `Redacted disclosure copy of ${words.replace(/^T/, 't')}` : 'Redacted disclosure copy';
  if (view.asOf) words += ` as of ${longDate(view.asOf)}`;
  else if (!isCurrentView(view)) words += ', as known now';
  return isCurrentView(view) ? 'The whole map, as known now (the view you edit)' : words;
}

/** Children first (an ecomap is drawn around a child), subject children at the top. */
function ecomapChoices(document: PeerMapDocument): [string, string][] {
  const subjects = new Set(document.map.subject_children);
  const children = (document.people ?? []).filter(
    (p) => subjects.has(p.id) || (p.role !== 'professional' && !adultStatus(p, document.map.map_date).adult),
  );
  children.sort((a, b) => Number(subjects.has(b.id)) - Number(subjects.has(a.id)));
  return children.map((p) => [p.id, shown(p.full_name) + (subjects.has(p.id) ? ' (subject child)' : '')]);
}

export function ViewControls({ mapId, revision, document, view, onChange }: {
  mapId: string;
  revision: number;
  document: PeerMapDocument;
  view: MapViewOptions;
  onChange: (view: MapViewOptions) => void;
}) {
  const choices = ecomapChoices(document);
  const [which, setWhich] = useState(view.ecomap ? 'ecomap' : 'network');
  const [child, setChild] = useState(view.ecomap ?? choices[0]?.[0] ?? '');
  const [redact, setRedact] = useState(Boolean(view.redact));
  const [asOf, setAsOf] = useState<DateParts>(toParts(view.asOf));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [open, setOpen] = useState(false);
  // The form shows the view drawn, also when it was changed from elsewhere (back to the map).
  useEffect(() => {
    setWhich(view.ecomap ? 'ecomap' : 'network');
    setRedact(Boolean(view.redact));
    setAsOf(toParts(view.asOf));
  }, [viewQuery(undefined, view)]);

  const show = (event: Event) => {
    event.preventDefault();
    const date = fromParts(asOf.day, asOf.month, asOf.year);
    if (date === null || (date && Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) {
      setErrors([{ field: 'view-as-of-day', message: 'Enter the as-of date as a real date, for example 1 3 2026, or leave it empty' }]);
      return;
    }
    setErrors([]);
    onChange({ asOf: date || undefined, redact: redact || undefined, ecomap: which === 'ecomap' ? child : undefined });
  };
  const reset = () => {
    setErrors([]);
    onChange({});
  };
  const current = isCurrentView(view);
  // The server's own name for the file (Content-Disposition), which says the revision and view.
  const fileName = (ext: string) =>
    `map-${mapId}-r${revision}${view.ecomap ? `-ecomap-${view.ecomap}` : ''}${view.redact ? '-redacted' : ''}${view.asOf ? `-as-of-${view.asOf}` : ''}.${ext}`;

  return (
    <div class="pm-views">
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        <span class="govuk-!-font-weight-bold">Showing:</span> <span id="view-words" aria-live="polite">{viewWords(view, document)}</span>
        {current ? null : (
          <>
            {' · '}
            <button type="button" class="pm-link-button" onClick={reset}>Back to the map you edit</button>
          </>
        )}
        <span class="pm-views__downloads">
          {(['svg', 'png', 'pdf'] as const).map((format) => (
            <a key={format} class="govuk-link" href={drawingPath(mapId, format, revision, view)} download={fileName(format)}>
              {`Download ${format.toUpperCase()}`}
              <span class="govuk-visually-hidden">{` of ${viewWords(view, document)}, revision ${revision}`}</span>
            </a>
          ))}
        </span>
      </p>
      <RecordDownloads mapId={mapId} revision={revision} />
      <details class="govuk-details govuk-!-margin-bottom-1" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Change the view</span>
        </summary>
        <div class="govuk-details__text pm-views__body">
          <ErrorSummary errors={errors} />
          <form class="pm-views__form" onSubmit={show} noValidate aria-label="Choose a view">
            <Radios id="view-which" label="Which drawing" value={which} onChange={setWhich}
              options={[['network', 'The whole network map'], ['ecomap', 'A child’s ecomap']]} />
            {which === 'ecomap' ? (
              <Select id="view-child" label="Whose ecomap" value={child} onChange={setChild} options={choices} />
            ) : null}
            <Checkbox id="view-redact" label="Redacted disclosure copy" checked={redact} onChange={setRedact}
              hint="Other children by their initials." />
            <DateInput id="view-as-of" label="As of (optional)" value={asOf} onInput={setAsOf} error={errorFor(errors, 'view-as-of-day')}
              hint="Only what was known then." />
            <button type="submit" class="govuk-button govuk-button--secondary">Show this view</button>
          </form>
          <p class="govuk-body-s govuk-!-margin-bottom-0">The drawing and its downloads are the server’s, in the view chosen; each download is recorded in the map’s audit trail.</p>
        </div>
      </details>
    </div>
  );
}

/** The audiences a record may be copied for, as the server names them (docs/copies.md). */
const copyChoices: [string, string][] = [
  ['internal', 'The internal record, whole'],
  ['partner', 'A copy for partner agencies'],
  ['family', 'A copy for the family'],
  ['record-of-another-child', 'A copy for another child’s record'],
];
/** Whom each copy is for, as the download links say it to a screen reader. */
const copyFor: Record<string, string> = {
  internal: 'the internal record',
  partner: 'partner agencies',
  family: 'the family',
  'record-of-another-child': 'another child’s record',
};

/**
 * The case record (PDF) and the editable PowerPoint of this revision, whole or as a copy. A
 * copy for another child's record needs its reason, which is printed on it and audited; the
 * links appear only once the choice is complete, so nothing is asked for that would be refused.
 */
function RecordDownloads({ mapId, revision }: { mapId: string; revision: number }) {
  const [copy, setCopy] = useState('internal');
  const [reason, setReason] = useState('');
  const needsReason = copy === 'record-of-another-child';
  const query = new URLSearchParams({ revision: String(revision) });
  if (copy !== 'internal') query.set('copy', copy);
  if (needsReason && reason.trim()) query.set('reason', reason.trim());
  const ready = !needsReason || reason.trim() !== '';
  const which = ` for ${copyFor[copy] ?? copy}, revision ${revision}`;
  const base = `/api/maps/${encodeURIComponent(mapId)}`;
  return (
    <details class="govuk-details govuk-!-margin-bottom-1">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">Download the case record</span>
      </summary>
      <div class="govuk-details__text pm-views__body">
        <Radios id="record-copy" label="Which record" value={copy} onChange={setCopy} options={copyChoices}
          hint="A copy leaves out what its audience may not receive, and says so on every page." />
        {needsReason ? (
          <TextInput id="record-reason" label="Why it goes on another child’s record" value={reason} onInput={setReason}
            hint="Printed on the copy and kept in the audit trail, for example: to support a referral to children’s social care" />
        ) : null}
        {ready ? (
          <p class="govuk-body-s pm-record-downloads">
            <a class="govuk-link" href={`${base}/record.pdf?${query}`} download={`record-${mapId}-r${revision}.pdf`}>
              Download the record (PDF)<span class="govuk-visually-hidden">{which}</span>
            </a>
            <a class="govuk-link" href={`${base}/map.pptx?${query}`} download={`map-${mapId}-r${revision}.pptx`}>
              Download the PowerPoint<span class="govuk-visually-hidden">{which}</span>
            </a>
          </p>
        ) : (
          <p class="govuk-body-s">Enter the reason to download this copy.</p>
        )}
      </div>
    </details>
  );
}

/**
 * The text alternative of a view other than the one edited: what the drawing shows, as the
 * drawing says it (a disclosure copy's initials), read from the view's own layout.
 */
export function ViewedList({ layout, document, selected, onSelect }: {
  layout: MapLayout | null;
  document: PeerMapDocument;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  if (!layout) return <p class="govuk-body-s">Drawing the view…</p>;
  const drawn = new Map(layout.nodes.map((n) => [n.id, (n.text ?? [n.id]).map(shown).join(', ')]));
  const undated = (text: string, mark?: boolean) => (mark ? `${text} (date not known)` : text);
  const regionName = (id: string) => shown(document.groups?.find((g) => g.id === id)?.name ?? document.locations?.find((l) => l.id === id)?.name ?? id);
  const nameOf = (id: string) => drawn.get(id)?.split(', ')[0] ?? regionName(id);
  const people = layout.nodes.filter((n) => n.kind === 'person');
  const places = layout.nodes.filter((n) => n.kind === 'location');
  const ties = (layout.edges ?? []).filter((e) => !e.id.startsWith('ecomap:'));
  const entry = (id: string, text: string) => (
    <li key={id}>
      <button type="button" class="pm-link-button" aria-pressed={selected === id} onClick={() => onSelect(id)}>{text}</button>
    </li>
  );
  return (
    <>
      <p class="govuk-body-s">What this view draws, as it is drawn.{layout.nodes.some((n) => n.date_not_known) || ties.some((e) => e.date_not_known) ? ' "Date not known": nothing dated shows it was known by the view\'s date (a ? on the drawing).' : ''}</p>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{`People (${people.length})`}</h3>
      <ul class="pm-list">{people.map((n) => entry(n.id, undated(drawn.get(n.id) ?? n.id, n.date_not_known)))}</ul>
      {layout.regions.length ? (
        <>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{`Groups and places (${layout.regions.length})`}</h3>
          <ul class="pm-list">{layout.regions.map((r) => entry(r.id, `${regionName(r.id)}: ${r.members.map(nameOf).join(', ') || 'nobody'}`))}</ul>
        </>
      ) : null}
      {places.length ? (
        <>
          <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{`Places (${places.length})`}</h3>
          <ul class="pm-list">{places.map((n) => entry(n.id, drawn.get(n.id) ?? n.id))}</ul>
        </>
      ) : null}
      {ties.length ? (
        <details class="govuk-details pm-details-plain">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{`Lines drawn (${ties.length})`}</span></summary>
          <div class="govuk-details__text">
            <ul class="govuk-list govuk-body-s">{ties.map((e) => <li key={e.id}>{undated(`${nameOf(e.source)} and ${nameOf(e.target)}`, e.date_not_known)}</li>)}</ul>
          </div>
        </details>
      ) : null}
    </>
  );
}

/** The panel in a view other than the one edited: why there are no editing controls here. */
export function ViewedPanel({ layout, view, document, selected, onBack }: {
  layout: MapLayout | null;
  view: MapViewOptions;
  document: PeerMapDocument;
  selected: string | null;
  onBack: () => void;
}) {
  const node = layout?.nodes.find((n) => n.id === selected);
  return (
    <>
      <div class="govuk-inset-text govuk-!-margin-top-0">
        <p class="govuk-body-s govuk-!-margin-bottom-1">{`${viewWords(view, document)}: for reading and downloading.`}</p>
        <p class="govuk-body-s">Editing is done on the whole map as known now, so that nothing is entered into a copy.</p>
        <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onBack}>Back to the map you edit</button>
      </div>
      {node ? (
        <>
          <h2 class="govuk-heading-m" tabIndex={-1} id="view-panel-heading">{shown(node.text?.[0] ?? node.id)}</h2>
          <p class="govuk-body-s">{(node.text ?? []).slice(1).map(shown).join(', ')}</p>
        </>
      ) : selected ? (
        <h2 class="govuk-heading-m" tabIndex={-1} id="view-panel-heading">
          {shown(document.groups?.find((g) => g.id === selected)?.name ?? document.locations?.find((l) => l.id === selected)?.name ?? selected)}
        </h2>
      ) : (
        <p class="govuk-body-s">Select a person, group or place on the drawing or in the list.</p>
      )}
    </>
  );
}
