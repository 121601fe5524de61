// The maps I may see: a GOV.UK table with search and filters by status and subject.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { MapListEntry, MapStatus } from '../api/types';
import { Select, TextInput } from '../components/Fields';
import { ReviewTag, StatusTag } from '../components/Tag';
import { longDate, longDateTime } from '../model/dates';
import { statusNames } from '../model/people';
import { shown } from '../model/text';
import { Link } from '../router';

export function Maps() {
  const [maps, setMaps] = useState<MapListEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [subject, setSubject] = useState('');

  useEffect(() => {
    document.title = 'Maps – peermap';
    api.listMaps().then(setMaps, () => setFailed(true));
  }, []);

  const subjects = useMemo(() => {
    const names = new Set<string>();
    for (const m of maps ?? []) for (const s of m.subject_children ?? []) names.add(s.full_name);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [maps]);

  const visible = (maps ?? []).filter((m) => {
    const names = (m.subject_children ?? []).map((s) => s.full_name);
    if (status && m.status !== status) return false;
    if (subject && !names.includes(subject)) return false;
    const q = search.trim().toLocaleLowerCase();
    if (q && ![m.title, ...names].some((t) => t.toLocaleLowerCase().includes(q))) return false;
    return true;
  });

  return (
    <div class="govuk-width-container">
      <main class="govuk-main-wrapper" id="main-content">
        <h1 class="govuk-heading-l">Maps</h1>
        <Link href="/maps/new" class="govuk-button" role="button" draggable={false}>
          Create a map
        </Link>
        <div class="pm-filters" role="search" aria-label="Find a map">
          <TextInput id="search" label="Search by title or name" value={search} onInput={setSearch} width="govuk-input--width-20" />
          <Select
            id="status-filter"
            label="Status"
            value={status}
            onChange={setStatus}
            options={[['', 'All statuses'], ...(Object.entries(statusNames) as [MapStatus, string][])]}
          />
          <Select
            id="subject-filter"
            label="Subject child"
            value={subject}
            onChange={setSubject}
            options={[['', 'All subject children'], ...subjects.map((s) => [s, shown(s)] as const)]}
          />
        </div>
        {failed ? <p class="govuk-body">The maps cannot be loaded. Reload the page to try again.</p> : null}
        {maps === null && !failed ? <p class="govuk-body">Loading maps…</p> : null}
        {maps !== null ? (
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">
              Maps you may see
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Title</th>
                <th scope="col" class="govuk-table__header">Subject children</th>
                <th scope="col" class="govuk-table__header">Status</th>
                <th scope="col" class="govuk-table__header">Map date</th>
                <th scope="col" class="govuk-table__header">Review</th>
                <th scope="col" class="govuk-table__header">Last changed</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {visible.map((m) => (
                <tr class="govuk-table__row" key={m.id}>
                  <td class="govuk-table__cell">
                    <Link class="govuk-link" href={`/maps/${m.id}`}>
                      {shown(m.title)}
                    </Link>
                  </td>
                  <td class="govuk-table__cell">{(m.subject_children ?? []).map((s) => shown(s.full_name)).join(', ')}</td>
                  <td class="govuk-table__cell">
                    <StatusTag status={m.status} />
                  </td>
                  <td class="govuk-table__cell pm-nowrap">{longDate(m.map_date)}</td>
                  <td class="govuk-table__cell">
                    {m.review_date ? (
                      <>
                        <span class="pm-nowrap">{longDate(m.review_date)}</span>
                        <br />
                        <ReviewTag date={m.review_date} />
                      </>
                    ) : (
                      'No review date'
                    )}
                  </td>
                  <td class="govuk-table__cell">
                    {shown(m.updated_by_name ?? m.updated_by)}
                    <br />
                    <span class="govuk-body-s">{longDateTime(m.updated_at)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {maps !== null && visible.length === 0 ? (
          <p class="govuk-body">{maps.length ? 'No maps match.' : 'There are no maps yet.'}</p>
        ) : null}
      </main>
    </div>
  );
}
