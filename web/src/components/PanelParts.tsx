// Pieces of the side panel's summaries that its sections share: a summary list row, an entry's
// "Edit" and "Remove", and a titled list of entries.
import type { ComponentChildren } from 'preact';
import type { FormKind, PanelMode } from './SidePanel';

export function Row({ term, children }: { term: string; children: string | undefined }) {
  if (children === undefined || children === '') return null;
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{term}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** "Edit" and "Remove" for one entry, their names saying which entry. */
export function EntryActions({ what, id, form, subject, onMode }: { what: string; id: string; form: FormKind; subject: string; onMode: (mode: PanelMode) => void }) {
  return (
    <span class="pm-entry-actions">
      <button type="button" class="pm-link-button" onClick={() => onMode({ kind: 'form', form, id, subject })}>
        Edit<span class="govuk-visually-hidden"> {what}</span>
      </button>
      <button type="button" class="pm-link-button" onClick={() => onMode({ kind: 'remove', id })}>
        Remove<span class="govuk-visually-hidden"> {what}</span>
      </button>
    </span>
  );
}

export function Entries({ title, items, children }: { title: string; items: unknown[]; children: ComponentChildren }) {
  return (
    <>
      <h3 class="govuk-heading-s govuk-!-margin-bottom-2">{`${title} (${items.length})`}</h3>
      {items.length ? <ul class="govuk-list pm-entries">{children}</ul> : <p class="govuk-body-s">None recorded yet.</p>}
    </>
  );
}

