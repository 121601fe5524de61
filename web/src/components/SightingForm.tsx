// Add or edit a sighting (guidance §5: how many times seen together, where, when, by whom):
// who was seen together, where, when and who saw them.
import { useState } from 'preact/hooks';
import type { PeerMapDocument } from '../api/types';
import { periodFromParts, toParts, todayIso } from '../model/dates';
import { type Item, nameIn, nextId } from '../model/items';
import { Checkboxes, DateInput, type DateParts, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

export interface Sighting {
  id: string;
  people: string[];
  location?: string;
  date: string;
  seen_by: string;
  notes?: string;
}

const fieldNames: Record<string, string> = {
  people: 'sighting-people', location: 'sighting-location', date: 'sighting-date', seen_by: 'sighting-seen-by', notes: 'sighting-notes',
};

export function SightingForm({ document, subject, sighting, onDone }: {
  document: PeerMapDocument;
  subject: string; // the person (or place) whose panel it was opened from
  sighting: Sighting | null;
  onDone: (id: string | null) => void;
}) {
  const subjectIsPlace = (document.locations ?? []).some((l) => l.id === subject);
  const [people, setPeople] = useState<string[]>(sighting?.people ?? (subjectIsPlace ? [] : [subject]));
  const [location, setLocation] = useState(sighting?.location ?? (subjectIsPlace ? subject : ''));
  const [date, setDate] = useState<DateParts>(toParts(sighting?.date ?? todayIso()));
  const [seenBy, setSeenBy] = useState(sighting?.seen_by ?? '');
  const [notes, setNotes] = useState(sighting?.notes ?? '');
  const form = useItemForm(document, sighting as unknown as Item | null, {
    section: 'sightings',
    fieldFor: (f) => fieldNames[f] ?? null,
    fallback: 'sighting-people',
    required: { 'sighting-seen-by': 'Enter who saw them', 'sighting-people': 'Select the people who were seen together' },
  }, (id) => onDone(id));

  // The people tied to the subject first: they are the ones most often seen with them.
  const tied = new Set((document.ties ?? []).filter((t) => t.from === subject || t.to === subject).flatMap((t) => [t.from, t.to]));
  const everyone = [...(document.people ?? [])].sort((a, b) => Number(b.id === subject) - Number(a.id === subject) || Number(tied.has(b.id)) - Number(tied.has(a.id)));

  const submit = () => {
    const iso = periodFromParts(date.day, date.month, date.year, sighting?.date);
    if (!iso) return form.fail([{ field: 'sighting-date', message: 'Enter the date they were seen, for example 31 10 2026' }]);
    const value: Sighting = {
      id: sighting?.id ?? nextId(document, 's', 'sightings'),
      people,
      ...(location ? { location } : {}),
      date: iso,
      seen_by: seenBy,
      ...(notes.trim() ? { notes } : {}),
    };
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="sightings" heading={sighting ? 'Edit the sighting' : `Add a sighting of ${nameIn(document, subject)}`}
      submit="Save sighting" onSubmit={submit} onCancel={() => onDone(sighting?.id ?? null)}>
      <Checkboxes {...form.at('sighting-people')} label="Who was seen together" values={people} onChange={setPeople} small
        hint="Two people or more" options={everyone.map((p) => [p.id, nameIn(document, p.id)] as const)} />
      <Select {...form.at('sighting-location')} label="Where" value={location} onChange={setLocation}
        options={[['', 'Not known, or not a place on the map'], ...(document.locations ?? []).map((l) => [l.id, nameIn(document, l.id)] as const)]} />
      <DateInput {...form.at('sighting-date')} label="When" value={date} onInput={setDate} hint="For example, 31 10 2026; leave the day out if only the month is known" />
      <TextInput {...form.at('sighting-seen-by')} label="Seen by" value={seenBy} onInput={setSeenBy}
        hint="Who saw them: an agency or a person, for example Police patrol" />
      <Textarea {...form.at('sighting-notes')} label="Notes (optional)" value={notes} onInput={setNotes} rows={2} />
    </FormShell>
  );
}
