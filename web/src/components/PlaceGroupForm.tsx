// Add or edit a place or a group, with who frequents the place or who is a member of the group.
// The item and its "frequents" or "member of" ties are saved in one JSON Patch; a tie taken away
// takes with it the information that rested only on it.
import { useState } from 'preact/hooks';
import type { Location, PeerMapDocument } from '../api/types';
import { type Item, type PatchBuilder, groupKinds, itemsOf, nameIn, nextId, placeKinds, removalPlan } from '../model/items';
import { Checkboxes, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

export function PlaceGroupForm({ document, section, item, initialMembers = [], onDone }: {
  document: PeerMapDocument;
  section: 'locations' | 'groups';
  item: Location | null; // a place or a group (the same fields); null: a new one
  initialMembers?: string[]; // people ticked for a new one (the selected person)
  onDone: (id: string | null) => void;
}) {
  const place = section === 'locations';
  const tieKind = place ? 'frequents' : 'member-of';
  const prefix = place ? 'place' : 'group';
  const memberTies = (doc: PeerMapDocument, id: string) => itemsOf(doc, 'ties').filter((t) => t.kind === tieKind && t.to === id);
  const [name, setName] = useState(item?.name ?? '');
  const [kind, setKind] = useState(item?.kind ?? '');
  const [valence, setValence] = useState<string>(item?.valence ?? 'unknown');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [members, setMembers] = useState<string[]>(item ? memberTies(document, item.id).map((t) => t.from as string) : initialMembers);
  const form = useItemForm(document, item as unknown as Item | null, {
    section,
    fieldFor: (f) => ({ name: `${prefix}-name`, kind: `${prefix}-kind`, valence: `${prefix}-valence`, notes: `${prefix}-notes` })[f] ?? null,
    fallback: `${prefix}-name`,
    otherFieldFor: (s) => (s === 'ties' ? `${prefix}-members` : null),
    required: { [`${prefix}-name`]: `Enter the name of the ${place ? 'place' : 'group'}`, [`${prefix}-kind`]: `Select the kind of ${place ? 'place' : 'group'}` },
  }, (id) => onDone(id));

  const kinds = place ? placeKinds : groupKinds;
  const noun = place ? 'place' : 'group';

  const submit = () => {
    const value: Location = {
      id: item?.id ?? nextId(document, place ? 'l' : 'g', section),
      name,
      kind,
      ...(valence !== 'unknown' ? { valence: valence as Location['valence'] } : {}),
      ...(notes.trim() ? { notes } : {}),
    };
    // The ties follow the ticked people: new ones added, ones no longer ticked removed.
    const memberships = (builder: PatchBuilder) => {
      const ties = memberTies(builder.result, value.id);
      for (const t of ties) if (!members.includes(t.from as string)) builder.append(removalPlan(builder.result, t.id).builder);
      for (const p of members) {
        if (ties.some((t) => t.from === p)) continue;
        builder.add('ties', { id: nextId(builder.result, 't', 'ties'), kind: tieKind, from: p, to: value.id });
      }
    };
    return form.save(value as unknown as Item, memberships);
  };

  return (
    <FormShell form={form} document={document} section={section}
      heading={item ? `Edit ${nameIn(document, item.id)}` : `Add a ${noun}`}
      submit={`Save ${noun}`} onSubmit={submit} onCancel={() => onDone(item?.id ?? null)}>
      <TextInput {...form.at(`${prefix}-name`)} label={place ? 'Name of the place' : 'Name of the group'} value={name} onInput={setName} labelClass="govuk-label--s"
        hint={place ? 'For example Moorside Recreation Ground, or the Parkway Lodge hotel' : 'What the group calls itself, or how others know it'} />
      <Select {...form.at(`${prefix}-kind`)} label={place ? 'Kind of place' : 'Kind of group'} value={kind} onChange={setKind}
        options={[['', 'Select…'], ...Object.entries(kinds)]} />
      <Select {...form.at(`${prefix}-valence`)} label={place ? 'Is the place itself protective or risky?' : 'Is the group itself protective or risky?'} value={valence} onChange={setValence}
        hint={place ? 'For example a youth club with trusted staff, or a known spot for dealing' : 'For example a sports team with a good coach, or a group that recruits children'}
        options={[['unknown', 'Not known'], ['protective', 'Protective'], ['risky', 'Risky'], ['mixed', 'Mixed']]} />
      <Textarea {...form.at(`${prefix}-notes`)} label="Notes (optional)" value={notes} onInput={setNotes} rows={2} />
      <Checkboxes {...form.at(`${prefix}-members`)} label={place ? 'Who frequents it' : 'Members'} values={members} onChange={setMembers} small
        hint={place ? 'The people known to spend time there' : 'The people who belong to the group or identify with it'}
        options={(document.people ?? []).map((p) => [p.id, nameIn(document, p.id)] as const)} />
    </FormShell>
  );
}
