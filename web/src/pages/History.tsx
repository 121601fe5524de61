// A map's history: every revision (number, who, when, what changed), each opened read-only,
// and two chosen revisions compared in words.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { RevisionInfo } from '../api/types';
import { CompareForm } from '../components/CompareForm';
import { longDateTime } from '../model/dates';
import { shown } from '../model/text';
import { Link } from '../router';

export function History({ id }: { id: string }) {
  const [title, setTitle] = useState('');
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    Promise.all([api.getMap(id), api.revisions(id)]).then(([map, list]) => {
      setTitle(shown(map.document.map.title));
      setRevisions(list);
      document.title = `History: ${shown(map.document.map.title)} – peermap`;
    }, () => setFailed(true));
  }, [id]);

  if (failed) {
    return (
      <main class="govuk-width-container govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-l">Map not found</h1>
        <p class="govuk-body">There is no such map, or you may not see it. <Link class="govuk-link" href="/maps">Back to maps</Link></p>
      </main>
    );
  }
  if (!revisions) return <main class="govuk-width-container govuk-main-wrapper" id="main-content"><p class="govuk-body">Loading the history…</p></main>;
  const newest = revisions.length ? revisions[revisions.length - 1].revision : 1;
  return (
    <div class="govuk-width-container">
      <nav aria-label="Back">
        <Link class="govuk-back-link" href={`/maps/${id}`}>Back to the map</Link>
      </nav>
      <main class="govuk-main-wrapper govuk-!-padding-top-4" id="main-content">
        <span class="govuk-caption-l">{title}</span>
        <h1 class="govuk-heading-l">History</h1>
        <p class="govuk-body">
          Every save is a revision of its own; nothing is overwritten. Open a revision to read the map as it was,
          or compare two revisions to see what changed, field by field.
        </p>
        <CompareForm id={id} newest={newest} from={Math.max(1, newest - 1)} to={newest} />
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{`Revisions (${revisions.length})`}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Revision</th>
              <th scope="col" class="govuk-table__header">Saved by</th>
              <th scope="col" class="govuk-table__header">When</th>
              <th scope="col" class="govuk-table__header">What changed</th>
              <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {[...revisions].reverse().map((r) => (
              <tr class="govuk-table__row" key={r.revision}>
                <th scope="row" class="govuk-table__header">{String(r.revision)}</th>
                <td class="govuk-table__cell">{shown(r.author_name || r.author)}</td>
                <td class="govuk-table__cell">{longDateTime(r.created_at)}</td>
                <td class="govuk-table__cell">{shown(r.summary)}</td>
                <td class="govuk-table__cell pm-nowrap">
                  <Link class="govuk-link" href={`/maps/${id}/revisions/${r.revision}`}>
                    Open<span class="govuk-visually-hidden">{` revision ${r.revision}`}</span>
                  </Link>
                  {r.revision > 1 ? (
                    <>
                      {' · '}
                      <Link class="govuk-link" href={`/maps/${id}/compare/${r.revision - 1}/${r.revision}`}>
                        Changes<span class="govuk-visually-hidden">{` in revision ${r.revision}`}</span>
                      </Link>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </div>
  );
}
