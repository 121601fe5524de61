// Two revisions compared in words, down to the field ("Jordan Reed's date of birth changed
// from 3 March 2009 to 3 April 2009"): the server's diff (GET /api/maps/{id}/diff) as read.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { ItemChange, MapDiff, RevisionInfo } from '../api/types';
import { CompareForm } from '../components/CompareForm';
import { longDateTime } from '../model/dates';
import { shown } from '../model/text';
import { Link } from '../router';

function capitalised(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

function Changed({ change }: { change: ItemChange }) {
  const heading = change.section === 'map' ? 'The map’s details' : `${capitalised(change.kind)}: ${shown(change.name)}`;
  return (
    <div class="pm-change">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{heading}</h3>
      <ul class="govuk-list govuk-list--bullet">
        {(change.fields ?? []).map((f) => <li key={f.pointer}>{`${shown(f.text)}.`}</li>)}
      </ul>
    </div>
  );
}

export function Compare({ id, from, to }: { id: string; from: number; to: number }) {
  const [diff, setDiff] = useState<MapDiff | null>(null);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setDiff(null);
    Promise.all([api.diff(id, from, to), api.revisions(id)]).then(([d, list]) => {
      setDiff(d);
      setRevisions(list);
      document.title = `Changes from revision ${from} to ${to} – peermap`;
    }, () => setFailed(true));
  }, [id, from, to]);

  if (failed) {
    return (
      <main class="govuk-width-container govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-l">These revisions cannot be compared</h1>
        <p class="govuk-body">There is no such revision, or you may not see this map. <Link class="govuk-link" href={`/maps/${id}/history`}>Back to the history</Link></p>
      </main>
    );
  }
  const newest = revisions.length ? revisions[revisions.length - 1].revision : to;
  const saved = (n: number) => {
    const r = revisions.find((x) => x.revision === n);
    return r ? `, saved by ${shown(r.author)} on ${longDateTime(r.created_at)}` : '';
  };
  const added = diff?.changes.filter((c) => c.change === 'added') ?? [];
  const changed = diff?.changes.filter((c) => c.change === 'changed') ?? [];
  const removed = diff?.changes.filter((c) => c.change === 'removed') ?? [];
  return (
    <div class="govuk-width-container">
      <nav aria-label="Back">
        <Link class="govuk-back-link" href={`/maps/${id}/history`}>Back to the history</Link>
      </nav>
      <main class="govuk-main-wrapper govuk-!-padding-top-4" id="main-content">
        <span class="govuk-caption-l">Compare revisions</span>
        <h1 class="govuk-heading-l">{`Changes from revision ${from} to revision ${to}`}</h1>
        {!diff ? <p class="govuk-body">Comparing…</p> : (
          <>
            <p class="govuk-body-l">{`In short: ${shown(diff.summary)}.`}</p>
            <ul class="govuk-list">
              <li><Link class="govuk-link" href={`/maps/${id}/revisions/${from}`}>{`Open revision ${from}`}</Link>{saved(from)}</li>
              <li><Link class="govuk-link" href={`/maps/${id}/revisions/${to}`}>{`Open revision ${to}`}</Link>{saved(to)}</li>
            </ul>
            {!diff.changes.length ? <p class="govuk-body">Nothing changed between these revisions.</p> : null}
            {changed.length ? (
              <section aria-labelledby="changed-heading">
                <h2 class="govuk-heading-m" id="changed-heading">{`Changed (${changed.length})`}</h2>
                {changed.map((c) => <Changed key={c.section + c.id} change={c} />)}
              </section>
            ) : null}
            {added.length ? (
              <section aria-labelledby="added-heading">
                <h2 class="govuk-heading-m" id="added-heading">{`Added (${added.length})`}</h2>
                <ul class="govuk-list govuk-list--bullet">{added.map((c) => <li key={c.section + c.id}>{`${shown(c.text)}.`}</li>)}</ul>
              </section>
            ) : null}
            {removed.length ? (
              <section aria-labelledby="removed-heading">
                <h2 class="govuk-heading-m" id="removed-heading">{`Removed (${removed.length})`}</h2>
                <ul class="govuk-list govuk-list--bullet">{removed.map((c) => <li key={c.section + c.id}>{`${shown(c.text)}.`}</li>)}</ul>
              </section>
            ) : null}
            <h2 class="govuk-heading-m">Compare other revisions</h2>
            <CompareForm key={`${from}-${to}`} id={id} newest={newest} from={from} to={to} />
          </>
        )}
      </main>
    </div>
  );
}
