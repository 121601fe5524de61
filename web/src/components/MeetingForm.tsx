// Add or edit a peer mapping meeting: its date and objectives, and who attended (each a full
// name, by the full-name rule, with their agency, role, and the person on the map they are).
import { useState } from 'preact/hooks';
import type { Attendee, Meeting, PeerMapDocument } from '../api/types';
import { fromParts, longDate, toParts } from '../model/dates';
import { type Item, nameIn, nextId } from '../model/items';
import { fullNameProblem } from '../model/people';
import { shown } from '../model/text';
import { focusSoon } from '../focus';
import { DateInput, type DateParts, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

/** One attendee's row as typed: every field text, `person` '' for none. */
interface AttendeeRow {
  name: string;
  agency: string;
  role: string;
  person: string;
}

const emptyRow: AttendeeRow = { name: '', agency: '', role: '', person: '' };
const rowOf = (a: Attendee): AttendeeRow => ({ name: a.name, agency: a.agency, role: a.role ?? '', person: a.person ?? '' });
const blank = (r: AttendeeRow) => !r.name.trim() && !r.agency.trim() && !r.role.trim() && !r.person;

/** The people on the map an attendee may be: professionals first, then everyone else. */
function attendeeChoices(document: PeerMapDocument): (readonly [string, string])[] {
  const people = document.people ?? [];
  const ordered = [...people.filter((p) => p.role === 'professional'), ...people.filter((p) => p.role !== 'professional')];
  return [['', 'Not a person on the map'], ...ordered.map((p) => [p.id, nameIn(document, p.id)] as const)];
}

export function MeetingForm({ document, meeting, onDone }: {
  document: PeerMapDocument;
  meeting: Meeting | null;
  onDone: (id: string | null) => void;
}) {
  const [date, setDate] = useState<DateParts>(toParts(meeting?.date ?? (meeting ? undefined : document.map.map_date)));
  const [objectives, setObjectives] = useState(meeting?.objectives ?? '');
  const [rows, setRows] = useState<AttendeeRow[]>(meeting?.attendees?.length ? meeting.attendees.map(rowOf) : [{ ...emptyRow }]);
  // The rows sent, by their index in the document's `attendees` (blank rows are left out).
  const sent = rows.map((r, i) => ({ r, i })).filter(({ r }) => !blank(r)).map(({ i }) => i);
  const form = useItemForm(document, meeting as unknown as Item | null, {
    section: 'meetings',
    fieldFor: (f, rest) => {
      if (f === 'date') return 'meeting-date';
      if (f === 'objectives') return 'meeting-objectives';
      if (f !== 'attendees') return null;
      const m = /^\/(\d+)(?:\/([a-z]+))?/.exec(rest);
      const row = m ? sent[Number(m[1])] : undefined;
      if (row === undefined) return 'meeting-add-attendee';
      return `attendee-${row}-${({ agency: 'agency', role: 'role', person: 'person' } as Record<string, string>)[m?.[2] ?? ''] ?? 'name'}`;
    },
    fallback: 'meeting-date',
    required: Object.fromEntries(rows.flatMap((_, i) => [
      [`attendee-${i}-name`, `Enter attendee ${i + 1}'s full name`],
      [`attendee-${i}-agency`, `Enter attendee ${i + 1}'s agency`],
    ])),
  }, (id) => onDone(id));

  const change = (i: number, patch: Partial<AttendeeRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // Choosing the person on the map fills in what the map knows of them, where nothing is typed.
  const choosePerson = (i: number, id: string) => {
    const p = document.people?.find((x) => x.id === id);
    const r = rows[i];
    change(i, {
      person: id,
      ...(p && !r.name.trim() && p.name_status !== 'unknown' ? { name: p.full_name } : {}),
      ...(p?.agency && !r.agency.trim() ? { agency: p.agency } : {}),
      ...(p?.job_title && !r.role.trim() ? { role: p.job_title } : {}),
    });
  };
  const addRow = () => {
    setRows([...rows, { ...emptyRow }]);
    focusSoon(`attendee-${rows.length}-name`);
  };
  const removeRow = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    setRows(next.length ? next : [{ ...emptyRow }]);
    focusSoon(next.length ? `attendee-${Math.min(i, next.length - 1)}-name` : 'attendee-0-name');
  };

  const submit = () => {
    const dateIso = fromParts(date.day, date.month, date.year);
    if (dateIso === null) return form.fail([{ field: 'meeting-date', message: 'The date of the meeting must be a real date, for example 10 11 2026' }]);
    if (!dateIso) return form.fail([{ field: 'meeting-date', message: 'Enter the date of the meeting' }]);
    const attendees: Attendee[] = sent.map((i) => {
      const r = rows[i];
      return { name: r.name, agency: r.agency, ...(r.role.trim() ? { role: r.role } : {}), ...(r.person ? { person: r.person } : {}) };
    });
    const value: Meeting = {
      id: meeting?.id ?? nextId(document, 'm', 'meetings'),
      date: dateIso,
      ...(objectives.trim() ? { objectives } : {}),
      ...(attendees.length ? { attendees } : {}),
    };
    return form.save(value as unknown as Item);
  };

  const choices = attendeeChoices(document);
  return (
    <FormShell form={form} document={document} section="meetings"
      heading={meeting ? `Edit the meeting on ${longDate(meeting.date)}` : 'Add a meeting'}
      submit="Save meeting" onSubmit={submit} onCancel={() => onDone(meeting?.id ?? null)}>
      <DateInput {...form.at('meeting-date')} label="Date of the meeting" value={date} onInput={setDate} hint="For example, 10 11 2026" />
      <Textarea {...form.at('meeting-objectives')} label="Objectives (optional)" value={objectives} onInput={setObjectives} rows={3}
        hint="What the meeting set out to find out or agree" />
      <h3 class="govuk-heading-s">Attendees</h3>
      <p class="govuk-hint">Use each attendee's full name, not initials: “Social worker” is a role, not a name.</p>
      {rows.map((r, i) => {
        const problem = fullNameProblem(r.name);
        return (
          <fieldset class="govuk-fieldset pm-attendee" key={i}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{`Attendee ${i + 1}`}</legend>
            <TextInput {...form.at(`attendee-${i}-name`)} label="Full name" value={r.name} onInput={(v) => change(i, { name: v })}
              hint={problem ? <strong>{problem}.</strong> : undefined} />
            <TextInput {...form.at(`attendee-${i}-agency`)} label="Agency" value={r.agency} onInput={(v) => change(i, { agency: v })}
              hint="For example Police, or Hollybrook Community School" />
            <TextInput {...form.at(`attendee-${i}-role`)} label="Role (optional)" value={r.role} onInput={(v) => change(i, { role: v })}
              hint="For example Designated Safeguarding Lead" />
            <Select {...form.at(`attendee-${i}-person`)} label="On the map as (optional)" value={r.person}
              onChange={(v) => choosePerson(i, v)} options={choices} />
            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-4" onClick={() => removeRow(i)}>
              Remove attendee {i + 1}<span class="govuk-visually-hidden">{r.name.trim() ? ` (${shown(r.name.trim())})` : ''}</span>
            </button>
          </fieldset>
        );
      })}
      <div class="govuk-form-group">
        <button type="button" id="meeting-add-attendee" class="govuk-button govuk-button--secondary" onClick={addRow}>
          Add another attendee
        </button>
      </div>
    </FormShell>
  );
}
