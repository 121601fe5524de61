// Add or edit one of the meeting's outcomes and actions: the kind of outcome from the guidance's
// list (§4), what is to be done, whom or what it is about, who owns it (in words, and the person
// on the map if they are one), by when, and whether it is open, done or cancelled.
import { useState } from 'preact/hooks';
import type { Action, ActionType, PeerMapDocument } from '../api/types';
import { fromParts, toParts } from '../model/dates';
import { actionStatusNames, actionTypeNames } from '../model/exercise';
import { type Item, nameIn, nextId } from '../model/items';
import { Checkboxes, DateInput, type DateParts, Radios, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';
import { subjects } from './RiskGapForms';

const fieldNames: Record<string, string> = {
  type: 'action-type',
  description: 'action-description',
  about: 'action-about',
  owner: 'action-owner',
  owner_person: 'action-owner-person',
  due: 'action-due',
  status: 'action-status',
};

/**
 * What an action may be about, kept short enough to read in a meeting: the subject children,
 * the groups and places, the people tied to a subject child, and whatever it already names.
 */
function aboutChoices(document: PeerMapDocument, chosen: string[]): (readonly [string, string])[] {
  const children = document.map.subject_children ?? [];
  const near = new Set([
    ...children,
    ...(document.groups ?? []).map((g) => g.id),
    ...(document.locations ?? []).map((l) => l.id),
    ...(document.ties ?? []).filter((t) => children.includes(t.from) || children.includes(t.to)).flatMap((t) => [t.from, t.to]),
    ...chosen,
  ]);
  return subjects(document).filter(([id]) => near.has(id));
}

/** Who may own an action on the map: professionals first, then everyone else. */
function ownerChoices(document: PeerMapDocument): (readonly [string, string])[] {
  const people = document.people ?? [];
  const ordered = [...people.filter((p) => p.role === 'professional'), ...people.filter((p) => p.role !== 'professional')];
  return [['', 'Not a person on the map'], ...ordered.map((p) => [p.id, nameIn(document, p.id)] as const)];
}

export function ActionForm({ document, action, onDone }: {
  document: PeerMapDocument;
  action: Action | null;
  onDone: (id: string | null) => void;
}) {
  const [type, setType] = useState<string>(action?.type ?? '');
  const [description, setDescription] = useState(action?.description ?? '');
  const [about, setAbout] = useState<string[]>(action?.about ?? []);
  const [owner, setOwner] = useState(action?.owner ?? '');
  const [ownerPerson, setOwnerPerson] = useState(action?.owner_person ?? '');
  const [due, setDue] = useState<DateParts>(toParts(action?.due));
  const [status, setStatus] = useState<string>(action?.status ?? 'open');
  const form = useItemForm(document, action as unknown as Item | null, {
    section: 'actions',
    fieldFor: (f) => fieldNames[f] ?? null,
    fallback: 'action-type',
    required: { 'action-description': 'Describe what is to be done', 'action-owner': 'Enter who owns the action' },
  }, (id) => onDone(id));

  // Choosing the owner on the map writes their name as the owner, where nothing is typed yet.
  const chooseOwner = (id: string) => {
    setOwnerPerson(id);
    const p = document.people?.find((x) => x.id === id);
    if (p && !owner.trim()) setOwner([p.full_name, p.agency].filter(Boolean).join(', '));
  };

  const submit = () => {
    if (!type) return form.fail([{ field: 'action-type', message: 'Select the kind of outcome or action' }]);
    const dueIso = fromParts(due.day, due.month, due.year);
    if (dueIso === null) return form.fail([{ field: 'action-due', message: 'The due date must be a real date, for example 30 11 2026' }]);
    // What the form does not show is kept as it was.
    const { owner_person: _p, due: _d, about: _a, ...kept } = action ?? ({} as Partial<Action>);
    const value: Action = {
      ...kept,
      id: action?.id ?? nextId(document, 'a', 'actions'),
      type: type as ActionType,
      description,
      ...(about.length ? { about } : {}),
      owner,
      ...(ownerPerson ? { owner_person: ownerPerson } : {}),
      ...(dueIso ? { due: dueIso } : {}),
      status: status as NonNullable<Action['status']>,
    };
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="actions" heading={action ? 'Edit the action' : 'Add an outcome or action'}
      submit="Save action" onSubmit={submit} onCancel={() => onDone(action?.id ?? null)}>
      <Select {...form.at('action-type')} label="Outcome or action" value={type} onChange={setType} labelClass="govuk-label--s"
        hint="The outcomes the guidance lists for a peer mapping meeting"
        options={[['', 'Choose one'], ...Object.entries(actionTypeNames)]} />
      <Textarea {...form.at('action-description')} label="What is to be done" value={description} onInput={setDescription} rows={3}
        hint="For example: refer Kieran Stokes to children's social care for assessment" />
      <Checkboxes {...form.at('action-about')} label="About (optional)" values={about} onChange={setAbout}
        hint="The subject children, their groups and places, and the people tied to them" options={aboutChoices(document, about)} small />
      <Select {...form.at('action-owner-person')} label="Owner on the map (optional)" value={ownerPerson} onChange={chooseOwner}
        hint="The professional on the map who owns it, if they are on it" options={ownerChoices(document)} />
      <TextInput {...form.at('action-owner')} label="Owner" value={owner} onInput={setOwner}
        hint="Their full name and agency, for example Rachel Adeyemi, Police" />
      <DateInput {...form.at('action-due')} label="Due by (optional)" value={due} onInput={setDue} hint="For example, 30 11 2026" />
      <Radios {...form.at('action-status')} label="Status" value={status} onChange={setStatus} inline
        options={Object.entries(actionStatusNames)} />
    </FormShell>
  );
}
