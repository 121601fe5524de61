// The open map in one place (STYLE.md, the web workspace §3): its document and revision. A
// component reads from here and sends an edit as a JSON Patch; only the server's answer
// updates the store. Memory only: nothing goes to browser storage.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, revisionOf } from './api/client';
import type { PatchOperation, PeerMapDocument } from './api/types';
import { PatchBuilder, type Touched, itemIn, restore, sameJson, touchedBetween } from './model/items';

/** One of my own saves, as undo and redo need it: the items it touched, before and after. */
export interface Edit {
  touched: Touched[];
  words: string; // "Edit Mia Kowalczyk", for the buttons' descriptions
}

/** Undo or redo cannot be done without overwriting someone else's change to these items. */
export class UndoRefused extends Error {
  constructor(readonly names: string[]) {
    super(`someone else has since changed ${names.join(', ')}`);
  }
}

/** The edit applied locally, for what it touched (the server applies the same RFC 6902 patch). */
function applied(document: PeerMapDocument, operations: PatchOperation[]): PeerMapDocument {
  const builder = new PatchBuilder(document);
  const root = builder.result as unknown as Record<string, unknown>;
  for (const o of operations) {
    const parts = o.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    let parent: unknown = root;
    for (const p of parts) parent = (parent as Record<string, unknown>)[p];
    if (o.op === 'test' || parent === undefined) continue;
    const value = o.op === 'remove' ? undefined : JSON.parse(JSON.stringify(o.value));
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (o.op === 'add') parent.splice(i, 0, value);
      else if (o.op === 'replace') parent[i] = value;
      else parent.splice(i, 1);
    } else if (o.op === 'remove') {
      delete (parent as Record<string, unknown>)[last];
    } else {
      (parent as Record<string, unknown>)[last] = value;
    }
  }
  return builder.result;
}

export interface MapState {
  id: string;
  document: PeerMapDocument;
  etag: string;
  revision: number;
}

type Listener = (state: MapState | null) => void;
/** A new revision of map `id` is known (a save answered) before its document has been read. */
type RevisionListener = (id: string, revision: number) => void;

class MapStore {
  private state: MapState | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly revisionListeners = new Set<RevisionListener>();
  private undoable: Edit[] = [];
  private redoable: Edit[] = [];
  /** The revision an open form edits, while the map shown moves on with others' saves. */
  private pinned: MapState | null = null;
  /** Revisions this page saved ("id#n"): not news when the event stream tells of them. */
  private readonly saved = new Set<string>();
  /** The save in flight, if any: its revision is known only once the server has answered. */
  private saving: Promise<unknown> | null = null;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  get current(): MapState | null {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Told of each revision this page saves as soon as the server answers (for drawAhead). */
  onRevision(listener: RevisionListener): () => void {
    this.revisionListeners.add(listener);
    return () => this.revisionListeners.delete(listener);
  }

  private set(state: MapState | null) {
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  /** My own last edits on this map, newest last (memory only, gone with the page). */
  get undoStack(): readonly Edit[] {
    return this.undoable;
  }

  get redoStack(): readonly Edit[] {
    return this.redoable;
  }

  async open(id: string): Promise<void> {
    if (this.state?.id !== id) {
      this.undoable = [];
      this.redoable = [];
    }
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
   * meets the 412 and `rebase`, and nobody's change is overwritten unseen.
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
    this.undoable = [];
    this.redoable = [];
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
    words = 'Edit',
  ): Promise<void> {
    const edit = await this.tracked(this.send(operations, rebase, words));
    this.undoable.push(edit);
    this.redoable = [];
    this.notify();
  }

  /**
   * Undoes my last edit as a new revision made with its inverse (nothing is overwritten).
   * Refused with UndoRefused when someone else has since changed an item it touched.
   */
  async undo(): Promise<void> {
    await this.step('undo');
  }

  async redo(): Promise<void> {
    await this.step('redo');
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    const from = direction === 'undo' ? this.undoable : this.redoable;
    const to = direction === 'undo' ? this.redoable : this.undoable;
    const edit = from[from.length - 1];
    const state = this.state;
    if (!edit || !state) return;
    const build = (document: PeerMapDocument) => {
      const plan = restore(document, edit.touched, direction);
      if ('changedByOthers' in plan) throw new UndoRefused(plan.changedByOthers);
      return plan.operations;
    };
    const operations = build(state.document);
    await this.tracked(this.send(operations, build, edit.words));
    from.pop();
    to.push(edit);
    this.notify();
  }

  /** Marks `saving` as the save in flight until it settles (see savedHere). */
  private async tracked<T>(saving: Promise<T>): Promise<T> {
    const settled = saving.then(() => undefined, () => undefined);
    this.saving = settled;
    try {
      return await saving;
    } finally {
      if (this.saving === settled) this.saving = null;
    }
  }

  private notify() {
    if (this.state) this.set({ ...this.state });
  }

  /** Sends a patch (again on the newest revision after a 412, as `rebase` says); what it touched. */
  private async send(
    operations: PatchOperation[],
    rebase: (newest: PeerMapDocument) => PatchOperation[] | null,
    words: string,
  ): Promise<Edit> {
    const state = this.editBase;
    if (!state) throw new Error('no map is open');
    const note = (answered: string) => {
      const revision = revisionOf(answered);
      this.saved.add(`${state.id}#${revision}`);
      for (const l of this.revisionListeners) l(state.id, revision);
      return answered;
    };
    let base = state.document;
    let sent = operations;
    let etag: string;
    try {
      etag = note(await api.patchMap(state.id, operations, state.etag));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 412) throw error;
      await this.open(state.id);
      // The form now edits the newest revision, which it was told about.
      if (this.pinned) {
        this.pinned = this.state;
        this.set(this.state);
      }
      base = this.state!.document;
      const again = rebase(base);
      if (!again) throw error;
      sent = again;
      etag = note(await api.patchMap(state.id, again, this.state!.etag));
    }
    const touched = touchedBetween(base, applied(base, sent));
    await this.open(state.id);
    // The server's own copy of each touched item is what a later undo compares with.
    if (this.state && this.state.etag === etag) {
      for (const t of touched) {
        if (!t.after) continue;
        const saved = itemIn(this.state.document, t.section, t.id);
        if (saved && !sameJson(saved, t.after)) t.after = saved as Touched['after'];
      }
    }
    return { touched, words };
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
