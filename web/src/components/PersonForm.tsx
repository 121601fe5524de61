// Add or edit a person: the full-name rule explained as they type, the derived adult status
// shown, saved as a JSON Patch with If-Match, the server's problems placed at their fields.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { AgeBand, Gender, PatchOperation, PeerMapDocument, Person, PersonRole } from '../api/types';
import { fromParts, toParts } from '../model/dates';
import { adultStatus, ageBandNames, fullNameProblem, genderNames, roleNames } from '../model/people';
import { type FieldError, errorFor, fieldErrors } from '../model/problems';
import { shown } from '../model/text';
import { mapStore } from '../store';
import { ErrorSummary } from './ErrorSummary';
import { Checkbox, DateInput, type DateParts, Select, TextInput, Textarea } from './Fields';

/** Equal as JSON values, whatever the order of their keys (the server may reorder them). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => k in b && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function nextId(document: PeerMapDocument): string {
  const used = new Set<string>();
  for (const value of Object.values(document)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item.id === 'string') used.add(item.id);
  }
  let n = (document.people?.length ?? 0) + 1;
  while (used.has(`p${n}`)) n += 1;
  return `p${n}`;
}

const fieldNames: Record<string, string> = {
  full_name: 'person-full-name',
  name_status: 'person-name-status',
  known_as: 'person-known-as',
  date_of_birth: 'person-dob',
  age_band: 'person-age-band',
  adult: 'person-dob',
  gender: 'person-gender',
  role: 'person-role',
  school: 'person-school',
  services: 'person-services',
  roth: 'person-roth',
  notes: 'person-notes',
};

export function PersonForm({
  document,
  person,
  initialName,
  onDone,
}: {
  document: PeerMapDocument;
  person: Person | null; // null: a new person
  initialName?: string; // a new person's name as typed in the command bar
  onDone: (id: string | null) => void;
}) {
  const [fullName, setFullName] = useState(person?.full_name ?? initialName ?? '');
  const [nameStatus, setNameStatus] = useState<string>(person?.name_status ?? 'full');
  const [knownAs, setKnownAs] = useState((person?.known_as ?? []).join(', '));
  const [dob, setDob] = useState<DateParts>(toParts(person?.date_of_birth));
  const [ageBand, setAgeBand] = useState<string>(person?.age_band ?? '');
  const [gender, setGender] = useState<string>(person?.gender ?? 'unknown');
  const [role, setRole] = useState<string>(person?.role ?? 'peer');
  const [school, setSchool] = useState(person?.school ?? '');
  const [services, setServices] = useState((person?.services ?? []).join(', '));
  const [roth, setRoth] = useState(person?.roth ?? false);
  const [notes, setNotes] = useState(person?.notes ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const dobIso = fromParts(dob.day, dob.month, dob.year);
  const draft: Person = {
    id: person?.id ?? '',
    full_name: fullName,
    ...(nameStatus !== 'full' ? { name_status: nameStatus as Person['name_status'] } : {}),
    ...(list(knownAs).length ? { known_as: list(knownAs) } : {}),
    ...(dobIso ? { date_of_birth: dobIso } : {}),
    ...(!dobIso && ageBand ? { age_band: ageBand as AgeBand } : {}),
    gender: gender as Gender,
    role: role as PersonRole,
    ...(school.trim() ? { school } : {}),
    ...(list(services).length ? { services: list(services) } : {}),
    ...(roth ? { roth: true } : {}),
    ...(notes.trim() ? { notes } : {}),
  };
  const adult = adultStatus(draft, document.map.map_date);
  const nameHint = fullNameProblem(fullName, draft.name_status);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (dobIso === null) {
      return setErrors([{ field: 'person-dob', message: 'Date of birth must be a real date, for example 14 6 2012' }]);
    }
    setBusy(true);
    const id = person?.id ?? nextId(document);
    const value = { ...draft, id };
    const index = (doc: PeerMapDocument) => (doc.people ?? []).findIndex((p) => p.id === id);
    const operationsOn = (doc: PeerMapDocument): PatchOperation[] => {
      if (!person) return doc.people ? [{ op: 'add', path: '/people/-', value }] : [{ op: 'add', path: '/people', value: [value] }];
      const i = index(doc);
      return [
        { op: 'test', path: `/people/${i}/id`, value: id },
        { op: 'replace', path: `/people/${i}`, value },
      ];
    };
    const at = person ? index(document) : (document.people?.length ?? 0);
    try {
      await mapStore.save(operationsOn(document), (newest) => {
        // Someone saved in between. A new person never overlaps; an edit applies again only
        // when nobody else changed this person.
        if (!person) return operationsOn(newest);
        const theirs = newest.people?.find((p) => p.id === id);
        return theirs && sameJson(theirs, person) ? operationsOn(newest) : null;
      });
      onDone(id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setErrors([{ field: 'person-full-name', message: 'Someone else changed this person while you were editing. Your changes are still here: check theirs in the map and save again' }]);
      } else if (error instanceof ApiError && error.problems.length) {
        setErrors(
          fieldErrors(
            error.problems,
            (pointer) => {
              const m = /^\/people\/(\d+)(?:\/([a-z_]+))?/.exec(pointer);
              if (!m || Number(m[1]) !== at) return null;
              return m[2] ? (fieldNames[m[2]] ?? null) : null;
            },
            'person-full-name',
            (id) => document.people?.find((x) => x.id === id)?.full_name ?? null,
          ),
        );
      } else {
        setErrors([{ field: 'person-full-name', message: 'The person cannot be saved now. Try again' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m" tabIndex={-1} ref={heading}>
        {person ? `Edit ${shown(person.full_name)}` : 'Add a person'}
      </h2>
      <TextInput id="person-full-name" label="Full name" value={fullName} onInput={setFullName}
        error={errorFor(errors, 'person-full-name')} labelClass="govuk-label--s"
        hint={<>Use their full name, not initials (guidance §5). {nameHint ? <strong>{nameHint}.</strong> : null}</>} />
      <Select id="person-name-status" label="What is known of their name" value={nameStatus} onChange={setNameStatus}
        error={errorFor(errors, 'person-name-status')}
        options={[['full', 'Their full name'], ['street-name-only', 'Only a street name'], ['unknown', 'Their name is not known']]} />
      <TextInput id="person-known-as" label="Known as (optional)" value={knownAs} onInput={setKnownAs}
        hint="Nicknames, street names or online handles, separated by commas" error={errorFor(errors, 'person-known-as')} />
      <DateInput id="person-dob" label="Date of birth (optional)" value={dob} onInput={setDob}
        hint="For example, 14 6 2012" error={errorFor(errors, 'person-dob')} />
      <Select id="person-age-band" label="Age band, if the date of birth is not known" value={ageBand} onChange={setAgeBand}
        error={errorFor(errors, 'person-age-band')}
        options={[['', 'Not given'], ...Object.entries(ageBandNames)]} />
      <div class="govuk-inset-text" aria-live="polite">
        {adult.adult ? 'Adult' : 'Child'} on the map ({adult.because}).
      </div>
      <Select id="person-gender" label="Gender" value={gender} onChange={setGender}
        error={errorFor(errors, 'person-gender')} options={Object.entries(genderNames)} />
      <Select id="person-role" label="Role" value={role} onChange={setRole}
        error={errorFor(errors, 'person-role')} options={Object.entries(roleNames)} />
      <TextInput id="person-school" label="School (optional)" value={school} onInput={setSchool} error={errorFor(errors, 'person-school')} />
      <TextInput id="person-services" label="Services involved (optional)" value={services} onInput={setServices}
        hint="For example CSC, YOT, separated by commas" error={errorFor(errors, 'person-services')} />
      <Checkbox id="person-roth" label="Already at risk outside the home (ROTH)" checked={roth} onChange={setRoth} error={errorFor(errors, 'person-roth')} />
      <Textarea id="person-notes" label="Notes (optional)" value={notes} onInput={setNotes} rows={3} error={errorFor(errors, 'person-notes')} />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy}>Save person</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={() => onDone(person?.id ?? null)}>Cancel</button>
      </div>
    </form>
  );
}
