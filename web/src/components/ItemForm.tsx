// What every add-or-edit form shares: one JSON Patch with If-Match through the store, the
// server's problems at their fields (by JSON pointer) and in the error summary, typed values
// kept on any refusal, and on a 412 that overlaps someone else's change to the same item, both
// versions side by side with "Keep mine" or "Keep theirs".
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { PeerMapDocument } from '../api/types';
import { type Item, PatchBuilder, describeFields, describeName, find, itemIn, kindName, mapSection, sameJson } from '../model/items';
import { type FieldError, errorFor, fieldErrors } from '../model/problems';
import { mapStore } from '../store';
import { ErrorSummary } from './ErrorSummary';
import { useFocusOnShow } from '../focus';

export interface ItemFormSpec {
  section: string;
  /**
   * The field id for a pointer's first segment below the item (`full_name`), or null; `rest` is
   * the pointer below that segment (`/2/name` for an attendee's name in `attendees`).
   */
  fieldFor: (field: string, rest: string) => string | null;
  /** The field for problems no other field owns (the first field). */
  fallback: string;
  /** The field for a problem in another item the same patch touched (a membership tie). */
  otherFieldFor?: (section: string, id: string) => string | null;
  /** What to say, by field id, when the server finds a required field empty (GOV.UK: "Enter …"). */
  required?: Record<string, string>;
  /** A clearer message for what the server said at a field, or the message as it is. */
  reword?: (field: string, message: string) => string;
}

/** The server's "must not be empty" or `"" is not one of …` for a field that has a clearer way. */
const emptyField = /must not be empty|missing required field|^"" is not one of/i;

/** More of the same patch: memberships, say, built on the same revision. */
export type Extra = (builder: PatchBuilder, document: PeerMapDocument) => void;

interface Conflict {
  theirs: Item | null;
  mine: Item;
  extra?: Extra;
}

export interface ItemForm {
  errors: FieldError[];
  busy: boolean;
  conflict: Conflict | null;
  /** `{ id, error }` for a field, to spread into a field component. */
  at: (id: string) => { id: string; error: string | undefined };
  fail: (errors: FieldError[]) => void;
  save: (value: Item, extra?: Extra) => Promise<void>;
  keepMine: () => Promise<void>;
  keepTheirs: () => void;
}

/**
 * The form's save. `existing` is the item as the user began to edit it (null for a new one);
 * `onDone(id)` runs after a save, or when the user keeps the other person's version.
 */
export function useItemForm(
  document: PeerMapDocument,
  existing: Item | null,
  spec: ItemFormSpec,
  onDone: (id: string) => void,
): ItemForm {
  const [base, setBase] = useState(existing);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const built = useRef<PatchBuilder | null>(null);

  const build = (doc: PeerMapDocument, value: Item, extra: Extra | undefined, from: Item | null) => {
    const builder = new PatchBuilder(doc);
    if (from || spec.section === mapSection) builder.replace(spec.section, value);
    else builder.add(spec.section, value);
    extra?.(builder, doc);
    built.current = builder;
    return builder.operations;
  };

  const saveOn = async (value: Item, extra: Extra | undefined, from: Item | null) => {
    setBusy(true);
    setErrors([]);
    const words = `${from ? 'Edit' : 'Add'} ${describeName(document, spec.section, value)}`;
    try {
      await mapStore.save(build(mapStore.current?.document ?? document, value, extra, from), (newest) => {
        // Someone saved in between. A new item never overlaps; an edit applies again only when
        // nobody else changed this item.
        if (!from) return build(newest, value, extra, from);
        const theirs = itemIn(newest, spec.section, value.id);
        return theirs && sameJson(theirs, from) ? build(newest, value, extra, from) : null;
      }, words);
      setConflict(null);
      onDone(value.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const newest = mapStore.current?.document ?? document;
        setConflict({ theirs: itemIn(newest, spec.section, value.id), mine: value, extra });
      } else if (error instanceof ApiError && error.problems.length) {
        const result = built.current?.result ?? document;
        setErrors(
          fieldErrors(
            error.problems,
            (pointer) => {
              const own = /^\/map(?:\/([a-z_]+)(.*))?$/.exec(pointer);
              if (spec.section === mapSection) return own?.[1] ? spec.fieldFor(own[1], own[2]) : null;
              const m = /^\/([a-z]+)\/(\d+)(?:\/([a-z_]+)(.*))?/.exec(pointer);
              if (!m) return null;
              const id = (result[m[1]] as Item[] | undefined)?.[Number(m[2])]?.id;
              if (m[1] === spec.section && id === value.id) return m[3] ? spec.fieldFor(m[3], m[4]) : null;
              return id ? (spec.otherFieldFor?.(m[1], id) ?? null) : null;
            },
            spec.fallback,
            (id) => {
              const found = find(document, id);
              return found && ['people', 'locations', 'groups'].includes(found.section) ? describeName(document, found.section, found.item) : null;
            },
          ).map((e) => (spec.required?.[e.field] && emptyField.test(e.message) ? { ...e, message: spec.required[e.field] } : e))
            .map((e) => (spec.reword ? { ...e, message: spec.reword(e.field, e.message) } : e)),
        );
      } else {
        setErrors([{ field: spec.fallback, message: `The ${kindName(spec.section)} cannot be saved now. Try again` }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return {
    errors,
    busy,
    conflict,
    at: (id) => ({ id, error: errorFor(errors, id) }),
    fail: setErrors,
    save: (value, extra) => saveOn(value, extra, base),
    keepMine: async () => {
      if (!conflict) return;
      // Mine again, on the newest revision: theirs is now what my edit replaces.
      setBase(conflict.theirs);
      await saveOn(conflict.mine, conflict.extra, conflict.theirs);
    },
    keepTheirs: () => {
      const id = conflict?.mine.id;
      setConflict(null);
      if (id) onDone(id);
    },
  };
}

/** Their saved version and mine, field by field, in words. */
function ConflictChoice({ document, section, conflict, onMine, onTheirs }: {
  document: PeerMapDocument;
  section: string;
  conflict: Conflict;
  onMine: () => void;
  onTheirs: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnShow(heading, [conflict]);
  const theirs = describeFields(document, section, conflict.theirs);
  const mine = describeFields(document, section, conflict.mine);
  const labels = [...new Set([...theirs.map(([l]) => l), ...mine.map(([l]) => l)])];
  const value = (rows: [string, string][], label: string) => rows.find(([l]) => l === label)?.[1] ?? '—';
  const name = describeName(document, section, conflict.theirs ?? conflict.mine);
  return (
    <div class="pm-conflict" role="region" aria-labelledby="conflict-heading">
      <h2 class="govuk-heading-m" id="conflict-heading" tabIndex={-1} ref={heading}>
        Someone else changed {name} while you were editing
      </h2>
      <p class="govuk-body-s">
        {conflict.theirs
          ? 'Their version is saved. Yours is not saved yet. Choose which to keep; changed fields are marked.'
          : `They removed the ${kindName(section)}. Keep mine adds it back with your changes.`}
      </p>
      <table class="govuk-table pm-conflict__table">
        <caption class="govuk-table__caption govuk-visually-hidden">Their version and yours</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Field</th>
            <th scope="col" class="govuk-table__header">Theirs (saved)</th>
            <th scope="col" class="govuk-table__header">Mine (not saved)</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {labels.map((label) => {
            const t = conflict.theirs ? value(theirs, label) : 'Removed';
            const m = value(mine, label);
            const differs = t !== m;
            return (
              <tr class={`govuk-table__row${differs ? ' pm-conflict__changed' : ''}`} key={label}>
                <th scope="row" class="govuk-table__header">
                  {label}
                  {differs ? <span class="govuk-visually-hidden"> (different)</span> : null}
                </th>
                <td class="govuk-table__cell">{t}</td>
                <td class="govuk-table__cell">{m}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="govuk-button-group">
        <button type="button" class="govuk-button" onClick={onMine}>Keep mine</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onTheirs}>Keep theirs</button>
      </div>
    </div>
  );
}

/** The frame of every form: error summary, conflict, heading (focused), fields, buttons. */
export function FormShell({ form, document, section, heading, submit, onSubmit, onCancel, children }: {
  form: ItemForm;
  onSubmit: () => void;
  document: PeerMapDocument;
  section: string;
  heading: string;
  submit: string;
  onCancel: () => void;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useFocusOnShow(ref);
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
      <ErrorSummary errors={form.errors} />
      {form.conflict ? (
        <ConflictChoice document={document} section={section} conflict={form.conflict} onMine={form.keepMine} onTheirs={form.keepTheirs} />
      ) : null}
      <h2 class="govuk-heading-m" tabIndex={-1} ref={ref}>{heading}</h2>
      {children}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={form.busy || !!form.conflict}>{submit}</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

