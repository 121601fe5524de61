// The command bar (Ctrl+K): type a name and press Enter to select that person, or to open the
// new-person form with the name filled in. A modal dialog holding a combobox with a listbox
// (the ARIA Authoring Practices' combobox pattern).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Person } from '../api/types';
import { shown } from '../model/text';

export type Command = { kind: 'select'; id: string } | { kind: 'add'; name: string };

export function CommandBar({ people, onCommand }: { people: Person[]; onCommand: (c: Command) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const open = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setText('');
        setActive(0);
        if (!dialog.current?.open) dialog.current?.showModal();
        input.current?.focus();
      }
    };
    addEventListener('keydown', open);
    return () => removeEventListener('keydown', open);
  }, []);

  const q = text.trim().toLocaleLowerCase();
  const matches = q
    ? people.filter((p) => [p.full_name, ...(p.known_as ?? [])].some((n) => n.toLocaleLowerCase().includes(q))).slice(0, 8)
    : [];
  const options: { key: string; label: string; command: Command }[] = [
    ...matches.map((p) => ({ key: p.id, label: shown(p.full_name), command: { kind: 'select', id: p.id } as Command })),
    ...(q ? [{ key: '+add', label: `Add “${shown(text.trim())}” as a new person`, command: { kind: 'add', name: text.trim() } as Command }] : []),
  ];
  const choose = (command: Command) => {
    dialog.current?.close();
    onCommand(command);
  };

  return (
    <dialog ref={dialog} class="pm-command" aria-labelledby="command-label">
      <div class="govuk-form-group govuk-!-margin-bottom-2">
        <label id="command-label" class="govuk-label govuk-label--s" for="command-input">
          Find or add a person
        </label>
        <div class="govuk-hint" id="command-hint">Type a name, then press Enter. Escape closes.</div>
        <input
          ref={input}
          id="command-input"
          class="govuk-input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="command-hint"
          aria-expanded={options.length > 0}
          aria-controls="command-options"
          aria-autocomplete="list"
          aria-activedescendant={options[active] ? `command-option-${active}` : undefined}
          value={text}
          onInput={(e) => {
            setText((e.target as HTMLInputElement).value);
            setActive(0);
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
              choose(options[active].command);
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
            onClick={() => choose(o.command)}
          >
            {o.label}
          </li>
        ))}
      </ul>
    </dialog>
  );
}
