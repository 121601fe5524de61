// "Are you sure?" before removing an item (GOV.UK warning text), saying what goes with it: ties,
// sightings and information that rest only on it are removed in the same patch, and lists that
// name it (what information is about, who was seen) no longer do. A subject child is refused.
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { PeerMapDocument } from '../api/types';
import { describeName, find, kindName, removalPlan, sameJson } from '../model/items';
import { type FieldError, sentence } from '../model/problems';
import { mapStore } from '../store';
import { ErrorSummary } from './ErrorSummary';
import { WarningText } from './Fields';
import { useFocusOnShow } from '../focus';

export function RemoveItem({ document, id, onDone, onCancel }: {
  document: PeerMapDocument;
  id: string;
  onDone: (removedName: string) => void;
  onCancel: () => void;
}) {
  const [original] = useState(() => find(document, id));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnShow(heading);
  if (!original) return null;
  const plan = removalPlan(document, id);
  const name = describeName(document, original.section, original.item);
  const kind = kindName(original.section);
  const also = plan.removed.slice(1);

  const remove = async () => {
    setBusy(true);
    try {
      await mapStore.save(plan.builder.operations, (newest) => {
        const now = find(newest, id);
        if (!now || !sameJson(now.item, original.item)) return null;
        const again = removalPlan(newest, id);
        return again.blocked ? null : again.builder.operations;
      }, `Remove ${name}`);
      onDone(name);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setErrors([{ field: 'remove-confirm', message: `Someone else changed ${name} while you were deciding. Nothing was removed: check their change, then remove it again if you still want to` }]);
      } else if (error instanceof ApiError && error.problems.length) {
        setErrors(error.problems.filter((p) => p.severity === 'error').map((p) => ({ field: 'remove-confirm', message: sentence(p.message) })));
      } else {
        setErrors([{ field: 'remove-confirm', message: `The ${kind} cannot be removed now. Try again` }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m" tabIndex={-1} ref={heading}>Remove {name}?</h2>
      {plan.blocked ? (
        <WarningText>{plan.blocked}</WarningText>
      ) : (
        <>
          <WarningText>
            Removing the {kind} makes a new revision of the map. Earlier revisions keep it, and you can undo this.
          </WarningText>
          {also.length ? (
            <>
              <p class="govuk-body-s">These rest only on {name}, so they are removed too:</p>
              <ul class="govuk-list govuk-list--bullet govuk-body-s">
                {also.map((r) => <li key={r.item.id}>{describeName(document, r.section, r.item)}</li>)}
              </ul>
            </>
          ) : null}
          {plan.changed.length ? (
            <>
              <p class="govuk-body-s">These will no longer name {name}:</p>
              <ul class="govuk-list govuk-list--bullet govuk-body-s">
                {plan.changed.map((c) => <li key={c.before.id}>{describeName(document, c.section, c.before)}</li>)}
              </ul>
            </>
          ) : null}
        </>
      )}
      <div class="govuk-button-group">
        {plan.blocked ? null : (
          <button type="button" id="remove-confirm" class="govuk-button govuk-button--warning" disabled={busy} onClick={remove}>
            Yes, remove {kind}
          </button>
        )}
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
