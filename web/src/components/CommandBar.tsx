// The command bar (Ctrl+K), so the facilitator keeps up without the mouse. A modal dialog
// holding a combobox with a listbox (the ARIA Authoring Practices' combobox pattern):
//   Jordan Reed                      find that person, or add them (the form opens, name filled in)
//   Jordan Reed - Kai Brown          add a tie between them (also "and", "&", "–", "—"); Enter saves
//   seen: Jordan Reed and Kai Brown at Moorside Rec by Police patrol      a sighting today
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { PeerMapDocument, Person } from '../api/types';
import { todayIso } from '../model/dates';
import { PatchBuilder, nameIn, nextId } from '../model/items';
import { sentence } from '../model/problems';
import { shown } from '../model/text';
import { mapStore } from '../store';

export type Command = { kind: 'select'; id: string } | { kind: 'add'; name: string } | { kind: 'saved'; id: string; words: string };

type Option = { key: string; label: string; command?: Command; save?: () => Promise<Command> };

/** The one person a typed name means: an exact full or known-as name, else a unique start of a word, else a unique part. */
export function resolvePerson(people: Person[], typed: string): Person | null {
  const q = typed.trim().toLocaleLowerCase();
  if (!q) return null;
  const names = (p: Person) => [p.full_name, ...(p.known_as ?? [])].map((n) => n.toLocaleLowerCase());
  const exact = people.filter((p) => names(p).includes(q));
  if (exact.length === 1) return exact[0];
  // "Ethan" is Ethan Oduya, not Bethany: a name's words starting so come before any part.
  const starts = people.filter((p) => names(p).some((n) => n.startsWith(q) || n.includes(` ${q}`)));
  if (starts.length === 1) return starts[0];
  const part = people.filter((p) => names(p).some((n) => n.includes(q)));
  return part.length === 1 && !starts.length ? part[0] : null;
}

const twoNames = /^(.+?)\s+(?:-|–|—|and|&)\s+(.+)$/i;
const seen = /^seen:\s*(.+?)\s+at\s+(.+?)(?:\s+by\s+(.+))?$/i;

async function saveWith(build: (doc: PeerMapDocument) => PatchBuilder, words: string): Promise<void> {
  const doc = mapStore.current!.document;
  await mapStore.save(build(doc).operations, (newest) => build(newest).operations, words);
}

/** What the typed text offers, best first. `explain` says why a two-name tie cannot be made. */
function optionsFor(document: PeerMapDocument, text: string): { options: Option[]; explain: string } {
  const people = document.people ?? [];
  const q = text.trim().toLocaleLowerCase();
  if (!q) return { options: [], explain: '' };
  const sighting = seen.exec(text.trim());
  if (sighting) {
    const names = sighting[1].split(/\s*,\s*|\s+(?:and|&)\s+/i).filter(Boolean);
    const who = names.map((n) => resolvePerson(people, n));
    const placeText = sighting[2].trim().toLocaleLowerCase();
    const places = (document.locations ?? []).filter((l) => l.name.toLocaleLowerCase().includes(placeText));
    const missing = names.filter((_, i) => !who[i]);
    if (missing.length) return { options: [], explain: `No one on this map is called “${shown(missing[0])}” (or more than one matches).` };
    const ids = [...new Set(who.map((p) => p!.id))];
    if (ids.length < 2) return { options: [], explain: 'A sighting needs two people or more: seen: NAME and NAME at PLACE by WHO.' };
    if (places.length !== 1) return { options: [], explain: `No one place on this map is called “${shown(sighting[2].trim())}”.` };
    if (!sighting[3]) return { options: [], explain: 'Say who saw them: … by WHO (for example by Police patrol).' };
    const seenBy = sighting[3].trim();
    const where = nameIn(document, places[0].id);
    const words = `Added a sighting of ${ids.map((x) => nameIn(document, x)).join(', ')} at ${where}`;
    return {
      explain: '',
      options: [{
        key: '+seen',
        label: `Add a sighting today: ${ids.map((x) => nameIn(document, x)).join(', ')} at ${where}, seen by ${shown(seenBy)}`,
        save: async () => {
          await saveWith((doc) => new PatchBuilder(doc).add('sightings', { id: nextId(doc, 's', 'sightings'), people: ids, location: places[0].id, date: todayIso(), seen_by: seenBy }), words);
          return { kind: 'saved', id: ids[0], words };
        },
      }],
    };
  }
  const matches = people.filter((p) => [p.full_name, ...(p.known_as ?? [])].some((n) => n.toLocaleLowerCase().includes(q))).slice(0, 8);
  const options: Option[] = [];
  let explain = '';
  const pair = twoNames.exec(text.trim());
  if (pair) {
    const a = resolvePerson(people, pair[1]);
    const b = resolvePerson(people, pair[2]);
    if (a && b && a.id !== b.id) {
      const existing = (document.ties ?? []).find((t) => t.kind === 'relationship' && ((t.from === a.id && t.to === b.id) || (t.from === b.id && t.to === a.id)));
      const names = `${nameIn(document, a.id)} and ${nameIn(document, b.id)}`;
      if (existing) {
        options.push({ key: '+tie', label: `Show the tie between ${names} (already recorded)`, command: { kind: 'select', id: existing.id } });
      } else {
        const words = `Added a tie between ${names}`;
        options.push({
          key: '+tie',
          label: `Add a tie between ${names}`,
          save: async () => {
            let id = '';
            await saveWith((doc) => {
              id = nextId(doc, 't', 'ties');
              return new PatchBuilder(doc).add('ties', { id, kind: 'relationship', from: a.id, to: b.id, nature: 'associate' });
            }, words);
            return { kind: 'saved', id, words };
          },
        });
      }
    } else if (!matches.length) {
      const missing = !a ? pair[1] : !b ? pair[2] : '';
      explain = missing
        ? `For a tie, both must be people on this map: no one (or more than one) is called “${shown(missing.trim())}”. Add them first.`
        : 'A tie joins two different people.';
    }
  }
  options.push(...matches.map((p) => ({ key: p.id, label: shown(p.full_name), command: { kind: 'select', id: p.id } as Command })));
  if (!pair || !options.length) options.push({ key: '+add', label: `Add “${shown(text.trim())}” as a new person`, command: { kind: 'add', name: text.trim() } });
  return { options, explain };
}

export function CommandBar({ document, onCommand }: { document: PeerMapDocument; onCommand: (c: Command) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const open = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setText('');
        setActive(0);
        setProblem('');
        if (!dialog.current?.open) dialog.current?.showModal();
        input.current?.focus();
      }
    };
    addEventListener('keydown', open);
    return () => removeEventListener('keydown', open);
  }, []);

  const { options, explain } = optionsFor(document, text);
  const choose = async (option: Option) => {
    if (option.command) {
      dialog.current?.close();
      return onCommand(option.command);
    }
    if (!option.save || busy) return;
    setBusy(true);
    try {
      const done = await option.save();
      dialog.current?.close();
      onCommand(done);
    } catch (error) {
      const first = error instanceof ApiError ? error.problems.find((p) => p.severity === 'error') : undefined;
      setProblem(first ? sentence(first.message) : 'It cannot be saved now. Try again');
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} class="pm-command" aria-labelledby="command-label">
      <div class="govuk-form-group govuk-!-margin-bottom-2">
        <label id="command-label" class="govuk-label govuk-label--s" for="command-input">
          Find or add a person, or a tie
        </label>
        <div class="govuk-hint" id="command-hint">
          Type a name, then press Enter. Two names add a tie: <kbd>Jordan Reed - Kai Brown</kbd> or <kbd>Jordan Reed and Kai Brown</kbd>.
          A sighting today: <kbd>seen: Jordan Reed and Kai Brown at Moorside by Police patrol</kbd>. Escape closes.
        </div>
        {problem || explain ? (
          <p class="govuk-error-message" id="command-problem" role="alert">
            <span class="govuk-visually-hidden">Error:</span> {problem || explain}
          </p>
        ) : null}
        <input
          ref={input}
          id="command-input"
          class="govuk-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-describedby={problem || explain ? 'command-hint command-problem' : 'command-hint'}
          aria-expanded={options.length > 0}
          aria-controls="command-options"
          aria-autocomplete="list"
          aria-activedescendant={options[active] ? `command-option-${active}` : undefined}
          value={text}
          onInput={(e) => {
            setText((e.target as HTMLInputElement).value);
            setActive(0);
            setProblem('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, options.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && options[active]) {
              e.preventDefault();
              choose(options[active]);
            }
          }}
        />
      </div>
      <ul id="command-options" role="listbox" aria-label="Matches" class="pm-command__options">
        {options.map((o, i) => (
          <li
            key={o.key}
            id={`command-option-${i}`}
            role="option"
            aria-selected={i === active}
            class={`pm-command__option${i === active ? ' pm-command__option--active' : ''}`}
            onClick={() => choose(o)}
          >
            {o.label}
          </li>
        ))}
      </ul>
    </dialog>
  );
}
