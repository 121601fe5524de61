// Undo and redo of my own last edits (buttons, Ctrl+Z and Ctrl+Shift+Z outside text fields).
// Each is a new revision made with the inverse patch; the store refuses when someone else has
// since changed an item the edit touched, and this says so in words.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { UndoRefused, mapStore, useMapState } from '../store';

/** Typing in a field keeps the browser's own undo there. */
function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type);
}

export function UndoRedo({ onDone }: { onDone: (words: string) => void }) {
  useMapState(); // the stacks change with the store
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const undo = mapStore.undoStack[mapStore.undoStack.length - 1];
  const redo = mapStore.redoStack[mapStore.redoStack.length - 1];

  const run = async (direction: 'undo' | 'redo') => {
    const edit = direction === 'undo' ? undo : redo;
    if (!edit || busy) return;
    setBusy(true);
    setProblem('');
    try {
      await (direction === 'undo' ? mapStore.undo() : mapStore.redo());
      onDone(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${edit.words}`);
    } catch (error) {
      if (error instanceof UndoRefused) {
        setProblem(`Cannot ${direction} “${edit.words}”: someone else has since changed ${error.names.join(', ')}. Nothing was changed; edit it by hand if it still needs changing.`);
      } else if (error instanceof ApiError && error.problems.length) {
        setProblem(`Cannot ${direction} “${edit.words}”: ${error.problems[0].message}. Nothing was changed.`);
      } else {
        setProblem(`Cannot ${direction} now. Nothing was changed; try again.`);
      }
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || inTextField(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        run('undo');
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        run('redo');
      }
    };
    addEventListener('keydown', key);
    return () => removeEventListener('keydown', key);
  });

  return (
    <>
    <div class="pm-undo">
      <button type="button" class="govuk-button govuk-button--secondary" disabled={!undo || busy} aria-describedby="undo-what" onClick={() => run('undo')}>
        Undo
      </button>
      <button type="button" class="govuk-button govuk-button--secondary" disabled={!redo || busy} aria-describedby="redo-what" onClick={() => run('redo')}>
        Redo
      </button>
      <span class="govuk-body-s pm-undo__what" id="undo-what">{undo ? `Undo: ${undo.words} (Ctrl+Z)` : 'Nothing of yours to undo'}</span>
      <span class="govuk-visually-hidden" id="redo-what">{redo ? `Redo: ${redo.words} (Ctrl+Shift+Z)` : 'Nothing to redo'}</span>
    </div>
    {problem ? <p class="govuk-error-message pm-undo__problem" role="alert">{problem}</p> : null}
    </>
  );
}
