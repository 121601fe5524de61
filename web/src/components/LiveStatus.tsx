// Who else has the map open, and the newest save made elsewhere, said politely to screen
// readers (a status region) and shown in the editor's bar.
import { others, useLiveUpdates } from '../live';
import { shown } from '../model/text';

function time(at: Date): string {
  return at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function LiveStatus({ mapId }: { mapId: string }) {
  const live = useLiveUpdates(mapId);
  const here = others(live);
  return (
    <div class="pm-live">
      <div class="pm-live__here">
        <h2 class="govuk-heading-s govuk-!-margin-bottom-0" id="live-here-heading">Who else has this map open</h2>
        {here.length ? (
          <ul class="govuk-list govuk-body-s pm-live__viewers" aria-labelledby="live-here-heading">
            {here.map((v) => (
              <li key={v.username}>
                {v.username === live.me ? 'You, in another window' : shown(v.name || v.username)}
                {v.streams > 1 ? ` (${v.streams} windows)` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p class="govuk-body-s">{live.connected ? 'Nobody else' : 'Not known: connecting to live updates…'}</p>
        )}
      </div>
      <p class="govuk-body-s pm-live__notice" role="status" aria-live="polite">
        {live.news
          ? `${live.news.username === live.me ? 'You (in another window)' : shown(live.news.name)} ${live.news.action} (revision ${live.news.revision}, ${time(live.news.at)})`
          : ''}
      </p>
    </div>
  );
}
