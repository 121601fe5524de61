// The one place that talks to the server (docs/api.md). The CSRF token lives in memory only,
// and every write sends it; nothing of a map is ever put in browser storage.
import type {
  MapDiff,
  MapAnalysis,
  MapLayout,
  MapListEntry,
  MapViewOptions,
  PatchOperation,
  PeerMapDocument,
  Problem,
  RevisionInfo,
  Session,
} from './types';

let csrfToken = '';
let renewSession: (() => Promise<void>) | null = null;

/**
 * What to do when the server says the session has ended (401) mid-meeting: `renew` signs the
 * user in again (the page and what was typed stay as they are), then the request is sent again.
 */
export function onSessionEnded(renew: (() => Promise<void>) | null): void {
  renewSession = renew;
}

/** A refusal from the server, with what the page needs to explain it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Problem[] = [],
    readonly retryAfterSeconds = 0,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface Sent {
  body?: string;
  contentType?: string;
  ifMatch?: string;
}

async function send(method: string, path: string, sent: Sent = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (sent.contentType) headers['Content-Type'] = sent.contentType;
  if (sent.ifMatch) headers['If-Match'] = sent.ifMatch;
  const response = await fetch(path, {
    method,
    headers,
    body: sent.body,
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (response.ok) return response;
  if (response.status === 401 && renewSession && path !== '/api/session') {
    await renewSession();
    return send(method, path, sent);
  }
  let body: Record<string, unknown> = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  const retry = Number(response.headers.get('Retry-After') ?? '0');
  throw new ApiError(
    response.status,
    typeof body.error === 'string' ? body.error : `the server answered ${response.status}`,
    Array.isArray(body.problems) ? (body.problems as Problem[]) : [],
    Number.isFinite(retry) ? retry : 0,
    body,
  );
}

async function json<T>(method: string, path: string, sent: Sent = {}): Promise<T> {
  return (await send(method, path, sent)).json() as Promise<T>;
}

export interface LoadedMap {
  document: PeerMapDocument;
  etag: string;
}

/** A part of the page in points (the viewBox's units), drawn `pixels` wide. */
export interface ScreenArea {
  x: number;
  y: number;
  w: number;
  h: number;
  pixels: number;
}

/** A screenful of a drawing: the PNG and the part of the page it shows. */
export interface Screenful {
  blob: Blob;
  area: ScreenArea;
}

/** The part of the page the map on screen shows (MapView), for drawAhead's screenful. */
let onScreen: (() => ScreenArea | null) | null = null;
let aheadScreenful: { key: string; answer: Promise<Screenful> } | null = null;

function screenfulKey(id: string, revision: number, view: MapViewOptions): string {
  return `${id} ${viewQuery(revision, view)}`;
}

async function askScreenful(id: string, revision: number, view: MapViewOptions, area: ScreenArea): Promise<Screenful> {
  const path = drawingPath(id, 'png', revision, view);
  const where = `area=${[area.x, area.y, area.w, area.h].join(',')}&width=${area.pixels}`;
  const response = await send('GET', `${path}${path.includes('?') ? '&' : '?'}${where}`);
  return { blob: await response.blob(), area };
}

/** Answers asked for ahead (api.drawAhead), by path: taken once, then asked for afresh. */
const ahead = new Map<string, Promise<unknown>>();

function early<T>(path: string, ask: () => Promise<T>): Promise<T> {
  const answer = ahead.get(path) as Promise<T> | undefined;
  ahead.delete(path);
  return answer ? answer.catch(ask) : ask();
}

export const api = {
  async currentSession(): Promise<Session | null> {
    try {
      const session = await json<Session>('GET', '/api/session');
      csrfToken = session.csrf_token;
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  async signIn(username: string, password: string): Promise<Session> {
    const session = await json<Session>('POST', '/api/session', {
      body: JSON.stringify({ username, password }),
      contentType: 'application/json',
    });
    csrfToken = session.csrf_token;
    return session;
  },

  async signOut(): Promise<void> {
    try {
      await send('DELETE', '/api/session');
    } finally {
      csrfToken = '';
    }
  },

  async listMaps(): Promise<MapListEntry[]> {
    return (await json<{ maps: MapListEntry[] }>('GET', '/api/maps')).maps;
  },

  async createMap(document: PeerMapDocument): Promise<string> {
    const created = await json<{ id: string }>('POST', '/api/maps', {
      body: JSON.stringify(document),
      contentType: 'application/json',
    });
    return created.id;
  },

  async getMap(id: string): Promise<LoadedMap> {
    const response = await send('GET', `/api/maps/${encodeURIComponent(id)}`);
    return { etag: response.headers.get('ETag') ?? '', document: await response.json() };
  },

  /** Saves an edit as a JSON Patch on the revision `etag` names; the new ETag. */
  async patchMap(id: string, operations: PatchOperation[], etag: string): Promise<string> {
    const response = await send('PATCH', `/api/maps/${encodeURIComponent(id)}`, {
      body: JSON.stringify(operations),
      contentType: 'application/json-patch+json',
      ifMatch: etag,
    });
    return response.headers.get('ETag') ?? '';
  },

  /** The server's own drawing of the map (the one that goes on the record), in a view. */
  drawing(id: string, revision: number, view: MapViewOptions = {}): Promise<Blob> {
    const path = screenDrawingPath(id, revision, view);
    return early(path, async () => (await send('GET', path)).blob());
  },

  /** The geometry of the drawing in the same view and revision, for its hit areas. */
  layout(id: string, revision?: number, view: MapViewOptions = {}): Promise<MapLayout> {
    const path = `/api/maps/${encodeURIComponent(id)}/layout${viewQuery(revision, view)}`;
    return early(path, () => json<MapLayout>('GET', path));
  },

  /**
   * A screenful of revision `revision`'s drawing (map.png?area=&width=): quick to draw and to
   * paint, shown until the SVG has loaded. Taken from drawAhead when it asked for this one;
   * otherwise asked for `area`, or null when there is none (no map on screen yet).
   */
  screenful(id: string, revision: number, view: MapViewOptions, area: ScreenArea | null): Promise<Screenful> | null {
    const key = screenfulKey(id, revision, view);
    const answer = aheadScreenful?.key === key ? aheadScreenful.answer : null;
    if (answer) {
      aheadScreenful = null;
      return answer;
    }
    return area ? askScreenful(id, revision, view, area) : null;
  },

  /**
   * Asks for revision `revision`'s geometry and a screenful of its drawing now, before the map's
   * document is read again: a save has been answered, and the map will show that revision next.
   * The next screenful() and layout() for it take these answers (memory only, each used once);
   * the whole SVG is asked for by the map once the screenful is on screen.
   */
  drawAhead(id: string, revision: number, view: MapViewOptions = {}): void {
    const layout = `/api/maps/${encodeURIComponent(id)}/layout${viewQuery(revision, view)}`;
    ahead.clear(); // only the newest revision is worth having early
    aheadScreenful = null;
    ahead.set(layout, json<MapLayout>('GET', layout));
    const area = onScreen?.() ?? null;
    const first = area ? askScreenful(id, revision, view, area) : null;
    if (first) aheadScreenful = { key: screenfulKey(id, revision, view), answer: first };
    for (const answer of [...ahead.values(), first]) answer?.catch(() => undefined); // asked again if it fails
  },

  /** The map on screen tells drawAhead which part of the page it shows; undone by the returned function. */
  showing(area: () => ScreenArea | null): () => void {
    onScreen = area;
    return () => {
      if (onScreen === area) onScreen = null;
    };
  },

  async revisions(id: string): Promise<RevisionInfo[]> {
    return (await json<{ revisions: RevisionInfo[] }>('GET', `/api/maps/${encodeURIComponent(id)}/revisions`)).revisions;
  },

  /** Revision n's document (read-only: revisions never change). */
  async revision(id: string, n: number): Promise<PeerMapDocument> {
    return json<PeerMapDocument>('GET', `/api/maps/${encodeURIComponent(id)}/revisions/${n}`);
  },

  /** What changed from revision `from` to `to`, down to the field. */
  async diff(id: string, from: number, to: number): Promise<MapDiff> {
    return json<MapDiff>('GET', `/api/maps/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);
  },

  /** The findings of `peermap analyze` for revision `revision` of the map. */
  async analysis(id: string, revision: number): Promise<MapAnalysis> {
    return json<MapAnalysis>('GET', `/api/maps/${encodeURIComponent(id)}/analysis?revision=${revision}`);
  },

  /** "Tidy the whole map": a new revision laid out afresh; the new ETag. */
  async relayout(id: string, etag: string): Promise<string> {
    const response = await send('POST', `/api/maps/${encodeURIComponent(id)}/relayout`, { ifMatch: etag });
    return response.headers.get('ETag') ?? '';
  },
};

/** "?revision=4&as_of=2026-03-01&redact=true&ecomap=p1": the drawing routes' view query. */
export function viewQuery(revision: number | undefined, view: MapViewOptions): string {
  const query = new URLSearchParams();
  if (revision) query.set('revision', String(revision));
  if (view.asOf) query.set('as_of', view.asOf);
  if (view.redact) query.set('redact', 'true');
  if (view.ecomap) query.set('ecomap', view.ecomap);
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Where the server draws the map as SVG, PNG or PDF in a view (audited, like every read). */
export function drawingPath(id: string, format: 'svg' | 'png' | 'pdf', revision: number | undefined, view: MapViewOptions): string {
  return `/api/maps/${encodeURIComponent(id)}/map.${format}${viewQuery(revision, view)}`;
}

/**
 * The drawing as the workspace shows it: the same SVG with its words as text (labels=text), which
 * a browser loads many times faster than glyph outlines; downloads keep the outlines.
 */
function screenDrawingPath(id: string, revision: number, view: MapViewOptions): string {
  const path = drawingPath(id, 'svg', revision, view);
  return `${path}${path.includes('?') ? '&' : '?'}labels=text`;
}

/** "r12" from the ETag "\"r12\"". */
export function revisionOf(etag: string): number {
  const match = /r(\d+)/.exec(etag);
  return match ? Number(match[1]) : 0;
}
