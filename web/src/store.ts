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
    this.set({ id, document: loaded.document, etag: loaded.etag, revision: revisionOf(loaded.etag) });
  }

  clear(): void {
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
    const state = this.state;
    if (!state) throw new Error('no map is open');
    try {
      await api.patchMap(state.id, operations, state.etag);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 412) throw error;
      await this.open(state.id);
      const again = rebase(this.state!.document);
      if (!again) throw error;
      await api.patchMap(state.id, again, this.state!.etag);
    }
    await this.open(state.id);
  }

  /** "Tidy the whole map": a revision laid out afresh (POST /relayout), then the newest. */
  async relayout(): Promise<void> {
    const state = this.state;
    if (!state) throw new Error('no map is open');
    await api.relayout(state.id, state.etag);
    await this.open(state.id);
  }
}

export const mapStore = new MapStore();

export function useMapState(): MapState | null {
  const [state, setState] = useState(mapStore.current);
  useEffect(() => mapStore.subscribe(setState), []);
  return state;
}
