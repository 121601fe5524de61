// "Tidy the whole map" (issue 9, item 6): a full re-layout happens only when someone asks, and
// the room loses its bearings when it does, so it asks first (an inline confirmation that takes
// focus; no modal). The server saves it as a revision of its own (POST /relayout).
import { useRef, useState } from 'preact/hooks';
import { mapStore } from '../store';
import { focusRefSoon } from '../focus';

export function TidyMap() {
  const [asking, setAsking] = useState(false);
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');
  const warning = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  if (!asking) {
    return (
      <button type="button" ref={opener} class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => {
        setAsking(true);
        focusRefSoon(warning);
      }}>
        Tidy the whole map
      </button>
    );
  }
  return (
    <div class="govuk-warning-text pm-tidy" tabIndex={-1} ref={warning} role="group" aria-labelledby="tidy-question">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <div class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        <p class="govuk-body govuk-!-font-weight-bold" id="tidy-question">
          Lay out the whole map afresh? Everyone who is not pinned will move, and the room will lose its bearings.
        </p>
        <div class="govuk-button-group">
          <button type="button" class="govuk-button govuk-button--warning" disabled={state === 'saving'} onClick={async () => {
            setState('saving');
            try {
              await mapStore.relayout();
              setState('idle');
              setAsking(false);
            } catch {
              setState('failed');
            }
          }}>
            Yes, tidy the whole map
          </button>
          <button type="button" class="govuk-button govuk-button--secondary" onClick={() => {
            setAsking(false);
            setState('idle');
            focusRefSoon(opener);
          }}>
            Cancel
          </button>
        </div>
        {state === 'failed' ? <p class="govuk-error-message">The map could not be tidied. Someone may have saved first: try again.</p> : null}
      </div>
    </div>
  );
}
