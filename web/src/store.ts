// The open map in one place (STYLE.md, the web workspace §3): its document and revision. A
// component reads from here and sends an edit as a JSON Patch; only the server's answer
// updates the store. Memory only: nothing goes to browser storage.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, revisionOf } from './api/client';
import type { PatchOperation, PeerMapDocument } from './api/types';

export interface MapState {
  id: string;
  document: PeerMapDocument;
  etag: string;
  revision: number;
}

type Listener = (state: MapState | null) => void;

class MapStore {
  private state: MapState | null = null;
  private readonly listeners = new Set<Listener>();
  /** The revision an open form edits, while the map shown moves on with others' saves. */
  private pinned: MapState | null = null;
  /** Revisions this page saved ("id#n"): not news when the event stream tells of them. */
  private readonly saved = new Set<string>();
  /** The save in flight, if any: its revision is known only once the server has answered. */
  private saving: Promise<void> | null = null;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  get current(): MapState | null {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: MapState | null) {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  async open(id: string): Promise<void> {
    const loaded = await api.getMap(id);
    const revision = revisionOf(loaded.etag);
    // Two reads in flight may answer out of order: the map never goes back.
    if (this.state?.id === id && revision < this.state.revision) return;
    this.set({ id, document: loaded.document, etag: loaded.etag, revision });
  }

  /**
   * Reads the map again after someone else's save (an event): one read at a time, and one
   * more when another event came during it.
   */
  async refresh(id: string): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          if (this.state?.id !== id) return;
          await this.open(id);
        } while (this.refreshAgain);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /**
   * Keeps the revision shown now as the one an open form edits: the map on screen still
   * follows others' saves, but the form's save names this revision, so a save in between
   * meets the 412 and `rebase` below, and nobody's change is overwritten unseen.
   */
  pin(): void {
    this.pinned = this.state;
  }

  unpin(): void {
    this.pinned = null;
  }

  /** What an open form edits: the pinned revision, or the one shown. */
  get editBase(): MapState | null {
    return this.pinned?.id === this.state?.id ? this.pinned : this.state;
  }

  /**
   * Whether this page saved revision `revision`, once its saves in flight have been answered
   * (the event stream may tell of a save before its own request has its answer).
   */
  async savedHere(id: string, revision: number): Promise<boolean> {
    while (this.saving) await this.saving;
    return this.saved.has(`${id}#${revision}`);
  }

  clear(): void {
    this.pinned = null;
    this.saved.clear();
    this.set(null);
  }

  /**
   * Saves `operations` on the revision the store holds. On a 412 (someone saved in between)
   * the store takes the newest revision and `rebase` decides whether the edit still applies
   * there: it answers the operations to send again, or null when the edit overlaps theirs.
   */
  async save(
    operations: PatchOperation[],
    rebase: (newest: PeerMapDocument) => PatchOperation[] | null,
  ): Promise<void> {
    const saving = this.send(operations, rebase);
    const settled = saving.then(() => undefined, () => undefined);
    this.saving = settled;
    try {
      await saving;
    } finally {
      if (this.saving === settled) this.saving = null;
    }
  }

  private async send(
    operations: PatchOperation[],
    rebase: (newest: PeerMapDocument) => PatchOperation[] | null,
  ): Promise<void> {
    const state = this.editBase;
    if (!state) throw new Error('no map is open');
    const note = (etag: string) => this.saved.add(`${state.id}#${revisionOf(etag)}`);
    try {
      note(await api.patchMap(state.id, operations, state.etag));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 412) throw error;
      await this.open(state.id);
      // The form now edits the newest revision, which it was told about.
      if (this.pinned) {
        this.pinned = this.state;
        this.set(this.state);
      }
      const again = rebase(this.state!.document);
      if (!again) throw error;
      note(await api.patchMap(state.id, again, this.state!.etag));
    }
    await this.open(state.id);
  }
}

export const mapStore = new MapStore();

export function useMapState(): MapState | null {
  const [state, setState] = useState(mapStore.current);
  useEffect(() => mapStore.subscribe(setState), []);
  return state;
}
