// Pins as JSON Patches (docs/format.md, "Pin"): a position a practitioner fixed by hand, in the
// layout's coordinates, one per person. Each edit tests what it replaces or removes, so it never
// lands on someone else's change.
import type { PatchOperation, PeerMapDocument, Pin } from '../api/types';

export function pinsOf(document: PeerMapDocument): Pin[] {
  return Array.isArray(document.pins) ? (document.pins as Pin[]) : [];
}

export function pinOf(document: PeerMapDocument, ref: string): Pin | undefined {
  return pinsOf(document).find((p) => p.ref === ref);
}

const rounded = (v: number) => Math.round(v * 100) / 100;

/** The patch that pins `ref` at (x, y), or moves its pin there. */
export function pinOperations(document: PeerMapDocument, ref: string, x: number, y: number): PatchOperation[] {
  const pin: Pin = { ref, x: rounded(x), y: rounded(y) };
  if (!Array.isArray(document.pins)) return [{ op: 'add', path: '/pins', value: [pin] }];
  const at = pinsOf(document).findIndex((p) => p.ref === ref);
  if (at < 0) return [{ op: 'add', path: '/pins/-', value: pin }];
  return [
    { op: 'test', path: `/pins/${at}/ref`, value: ref },
    { op: 'replace', path: `/pins/${at}`, value: pin },
  ];
}

/** The patch that takes `ref`'s pin away; null when they have none. */
export function unpinOperations(document: PeerMapDocument, ref: string): PatchOperation[] | null {
  const at = pinsOf(document).findIndex((p) => p.ref === ref);
  if (at < 0) return null;
  return [
    { op: 'test', path: `/pins/${at}/ref`, value: ref },
    { op: 'remove', path: `/pins/${at}` },
  ];
}
