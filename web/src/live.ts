// Live updates of the open map (docs/workspace.md, "Live updates"): the server's event stream
// (GET /api/maps/{id}/events) says that a revision was saved, by whom and what in a few words,
// and who has the map open. It carries ids and numbers only: the change itself is fetched
// through the normal, audited routes, into the one store. Nothing is kept beyond the page.
import { useEffect, useState } from 'preact/hooks';
import { mapStore } from './store';

export interface Viewer {
  username: string;
  /** Their display name (their username when they have none). */
  name?: string;
  streams: number;
}

export interface LiveNews {
  revision: number;
  username: string;
  /** Who saved it, by their display name. */
  name: string;
  action: string;
  at: Date;
}

export interface LiveState {
  /** The signed-in user, as the stream names them. */
  me: string;
  /** Everybody with the map open, this page included. */
  viewers: Viewer[];
  /** The newest save by someone else (or by this user in another window). */
  news: LiveNews | null;
  connected: boolean;
}

/** How long to wait before opening a stream again that the server refused or that failed. */
const reopenAfterMs = 5000;

/**
 * The event stream of map `id` while the editor shows it: a save made elsewhere is read
 * again from the server and repainted; a save made on this page is not news.
 */
export function useLiveUpdates(id: string): LiveState {
  const [state, setState] = useState<LiveState>({ me: '', viewers: [], news: null, connected: false });

  useEffect(() => {
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    let me = '';
    const data = (event: Event) => JSON.parse((event as MessageEvent<string>).data) as Record<string, unknown>;

    const open = () => {
      source = new EventSource(`/api/maps/${encodeURIComponent(id)}/events`);
      source.addEventListener('hello', (event) => {
        const hello = data(event);
        me = String(hello.username ?? '');
        setState((s) => ({ ...s, me, connected: true }));
        // Saved while the stream was not open: read it now.
        if (Number(hello.revision) > (mapStore.current?.revision ?? 0)) void mapStore.refresh(id);
      });
      source.addEventListener('revision', async (event) => {
        const news = data(event);
        const revision = Number(news.revision);
        const username = String(news.username ?? '');
        if (username === me && (await mapStore.savedHere(id, revision))) return;
        setState((s) => ({
          ...s,
          news: { revision, username, name: String(news.name || username), action: String(news.action ?? ''), at: new Date() },
        }));
        if (revision > (mapStore.current?.revision ?? 0)) void mapStore.refresh(id);
      });
      source.addEventListener('presence', (event) => {
        const presence = data(event);
        const viewers = Array.isArray(presence.viewers) ? (presence.viewers as Viewer[]) : [];
        setState((s) => ({ ...s, viewers }));
      });
      source.onerror = () => {
        // A stream that ends at its lifetime is reopened by the browser itself; one the
        // server refused (401, 404, 503) is closed, and tried again a little later.
        setState((s) => ({ ...s, connected: false }));
        if (source?.readyState === EventSource.CLOSED && !closed) {
          source.close();
          reopen = setTimeout(open, reopenAfterMs);
        }
      };
    };
    open();
    return () => {
      closed = true;
      clearTimeout(reopen);
      source?.close();
    };
  }, [id]);

  return state;
}

/** The others with the map open: everyone but this page (the user's other windows count). */
export function others(state: LiveState): Viewer[] {
  return state.viewers
    .map((v) => (v.username === state.me ? { ...v, streams: v.streams - 1 } : v))
    .filter((v) => v.streams > 0);
}
