// The analysis panel (issue 9, item 3 "Analysis"): the findings of `peermap analyze` for the
// revision on screen (GET /api/maps/{id}/analysis), in plain language, each with buttons for the
// people, places and groups it names, which select them on the map and in the side panel.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Finding, PeerMapDocument } from '../api/types';
import { shown } from '../model/text';

const KIND_NAMES: Record<Finding['kind'], string> = {
  influence: 'Influence',
  broker: 'Broker between groups',
  bridge: 'The only link',
  link: 'The only link between groups',
  leaders: 'Leaders and followers',
  exposure: 'Exposure to harm',
  evidence: 'Evidence',
  age: 'Age and legal status',
  protective: 'Protective factors',
  gap: 'Information gap',
  grouping: 'Unrecorded grouping',
};

function named(document: PeerMapDocument, id: string): string | null {
  const p = document.people?.find((x) => x.id === id);
  if (p) return shown(p.full_name);
  const l = document.locations?.find((x) => x.id === id);
  if (l) return shown(l.name);
  const g = document.groups?.find((x) => x.id === id);
  if (g) return shown(g.name);
  return null; // a tie or a sighting: named in the text already
}

export function AnalysisPanel({ mapId, revision, document, onSelect, onClose }: {
  mapId: string;
  revision: number;
  document: PeerMapDocument;
  onSelect: (id: string) => void;
  onClose: () => void;
}) {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    api.analysis(mapId, revision).then(
      (a) => live && setFindings(a.findings),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [mapId, revision]);

  return (
    <section aria-labelledby="panel-heading">
      <h2 class="govuk-heading-m" tabIndex={-1} id="panel-heading">Analysis</h2>
      <p class="govuk-body-s">
        What the network shows at revision {revision}: who holds influence, who is the only link, who is exposed to adults who
        exploit or control, and what is not known yet. It is a prompt for the meeting, not a judgement.
      </p>
      <button type="button" class="govuk-button govuk-button--secondary" onClick={onClose}>Close the analysis</button>
      {failed ? <p class="govuk-body">The analysis cannot be shown now.</p> : null}
      {!findings && !failed ? <p class="govuk-body-s">Analysing the map…</p> : null}
      {findings && !findings.length ? <p class="govuk-body">There are no findings for this map.</p> : null}
      {findings?.length ? (
        <ol class="govuk-list pm-findings">
          {findings.map((f, k) => {
            const people = f.ids.map((id) => [id, named(document, id)] as const).filter(([, n]) => n !== null);
            return (
              <li key={k} class="govuk-!-margin-bottom-4">
                <strong class="govuk-tag govuk-tag--grey">{KIND_NAMES[f.kind] ?? f.kind}</strong>
                {f.kind === 'gap' && f.origin ? <span class="govuk-body-s"> {f.origin === 'recorded' ? 'recorded by the meeting' : 'found by the analysis'}</span> : null}
                <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-1">{shown(f.text)}</p>
                {people.length ? (
                  <ul class="pm-finding-names" aria-label="Named in this finding">
                    {people.map(([id, name]) => (
                      <li key={id}>
                        <button type="button" class="pm-link-button" onClick={() => onSelect(id)}>{name}</button>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
