// Pins without the mouse (issue 9, item 3 "Pins"): in a person's panel, pin them where they are
// or at coordinates typed in, move a pin by a step, or unpin. Dragging a person on the map does
// the same (MapView). Each is a JSON Patch through the store.
import { useEffect, useState } from 'preact/hooks';
import type { MapLayout, PeerMapDocument, Person } from '../api/types';
import { ApiError } from '../api/client';
import { pinOf, pinOperations, unpinOperations } from '../model/pins';
import { shown } from '../model/text';
import { mapStore } from '../store';
import { TextInput } from './Fields';

const STEP = 20; // points, about a symbol's width

export function PinControls({ document, person, layout }: {
  document: PeerMapDocument;
  person: Person;
  layout: MapLayout | null;
}) {
  const pin = pinOf(document, person.id);
  const node = layout?.nodes.find((n) => n.id === person.id);
  const where = pin ?? (node ? { x: node.x, y: node.y } : null);
  const [x, setX] = useState(where ? String(Math.round(where.x)) : '');
  const [y, setY] = useState(where ? String(Math.round(where.y)) : '');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    if (where) {
      setX(String(Math.round(where.x)));
      setY(String(Math.round(where.y)));
    }
  }, [where?.x, where?.y]);

  const save = async (ops: ReturnType<typeof pinOperations> | null, done: string) => {
    if (!ops) return;
    setError('');
    try {
      await mapStore.save(ops, () => ops);
      setMessage(done);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The pin could not be saved. Try again.');
    }
  };
  const pinAt = (px: number, py: number) =>
    save(pinOperations(document, person.id, px, py), `${shown(person.full_name)} is pinned at ${Math.round(px)}, ${Math.round(py)}.`);
  const typed = (): [number, number] | null => {
    const a = Number(x);
    const b = Number(y);
    return x.trim() && y.trim() && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
  };

  return (
    <section aria-labelledby="pin-heading" class="govuk-!-margin-bottom-4">
      <h3 class="govuk-heading-s" id="pin-heading">Place on the map</h3>
      <p class="govuk-body-s">
        {pin ? `Pinned at ${Math.round(pin.x)}, ${Math.round(pin.y)}: the layout keeps them there.` : 'Not pinned: the layout places them. Drag them on the map, or pin them here.'}
      </p>
      <div class="pm-pin-fields">
        <TextInput id="pin-x" label="Across (points)" value={x} onInput={setX} width="govuk-input--width-5" error={error && !typed() ? 'Enter two numbers' : undefined} />
        <TextInput id="pin-y" label="Down (points)" value={y} onInput={setY} width="govuk-input--width-5" />
      </div>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => {
          const t = typed();
          if (t) pinAt(t[0], t[1]);
          else setError('Enter two numbers');
        }}>
          {pin ? 'Move the pin here' : 'Pin here'}
        </button>
        {pin ? (
          <button type="button" class="govuk-button govuk-button--warning" onClick={() => save(unpinOperations(document, person.id), `${shown(person.full_name)} is no longer pinned.`)}>
            Unpin
          </button>
        ) : null}
      </div>
      {where ? (
        <div class="govuk-button-group" role="group" aria-label="Move by a step">
          {([['Move left', -STEP, 0], ['Move right', STEP, 0], ['Move up', 0, -STEP], ['Move down', 0, STEP]] as const).map(([name, dx, dy]) => (
            <button key={name} type="button" class="govuk-button govuk-button--secondary" onClick={() => pinAt(where.x + dx, where.y + dy)}>
              {name}
            </button>
          ))}
        </div>
      ) : null}
      <p class="govuk-body-s" role="status">{error || message}</p>
    </section>
  );
}
