// Add or edit a person: the full-name rule explained as they type, the derived adult status
// shown, saved through the shared item form (one JSON Patch with If-Match, problems at fields).
import { useState } from 'preact/hooks';
import type { AgeBand, Gender, PeerMapDocument, Person, PersonRole } from '../api/types';
import { fromParts, toParts } from '../model/dates';
import { type Item, nextId } from '../model/items';
import { adultStatus, ageBandNames, fullNameProblem, genderNames, roleNames } from '../model/people';
import { shown } from '../model/text';
import { Checkbox, DateInput, type DateParts, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

export { sameJson } from '../model/items';

/** "a, b ,c" as a list of its non-empty parts. */
export const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

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
  agency: 'person-agency',
  job_title: 'person-job-title',
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
  const [agency, setAgency] = useState(person?.agency ?? '');
  const [jobTitle, setJobTitle] = useState(person?.job_title ?? '');
  const form = useItemForm(document, person as unknown as Item | null, {
    section: 'people',
    fieldFor: (f) => fieldNames[f] ?? null,
    fallback: 'person-full-name',
    required: { 'person-full-name': 'Enter their full name' },
  }, (id) => onDone(id));

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
    // A professional's agency and job title (the format allows them only for professionals).
    ...(role === 'professional' && agency.trim() ? { agency } : {}),
    ...(role === 'professional' && jobTitle.trim() ? { job_title: jobTitle } : {}),
    ...(person?.adult !== undefined ? { adult: person.adult } : {}),
  };
  const adult = adultStatus(draft, document.map.map_date);
  const nameHint = fullNameProblem(fullName, draft.name_status);

  const submit = () => {
    if (dobIso === null) {
      return form.fail([{ field: 'person-dob', message: 'Date of birth must be a real date, for example 14 6 2012' }]);
    }
    const value = { ...draft, id: person?.id ?? nextId(document, 'p', 'people') };
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="people" heading={person ? `Edit ${shown(person.full_name)}` : 'Add a person'}
      submit="Save person" onSubmit={submit} onCancel={() => onDone(person?.id ?? null)}>
      <TextInput {...form.at('person-full-name')} label="Full name" value={fullName} onInput={setFullName} labelClass="govuk-label--s"
        hint={<>Use their full name, not initials (guidance §5). {nameHint ? <strong>{nameHint}.</strong> : null}</>} />
      <Select {...form.at('person-name-status')} label="What is known of their name" value={nameStatus} onChange={setNameStatus}
        options={[['full', 'Their full name'], ['street-name-only', 'Only a street name'], ['unknown', 'Their name is not known']]} />
      <TextInput {...form.at('person-known-as')} label="Known as (optional)" value={knownAs} onInput={setKnownAs}
        hint="Nicknames, street names or online handles, separated by commas" />
      <DateInput {...form.at('person-dob')} label="Date of birth (optional)" value={dob} onInput={setDob} hint="For example, 14 6 2012" />
      <Select {...form.at('person-age-band')} label="Age band, if the date of birth is not known" value={ageBand} onChange={setAgeBand}
        options={[['', 'Not given'], ...Object.entries(ageBandNames)]} />
      <div class="govuk-inset-text" aria-live="polite">
        {adult.adult ? 'Adult' : 'Child'} on the map ({adult.because}).
      </div>
      <Select {...form.at('person-gender')} label="Gender" value={gender} onChange={setGender} options={Object.entries(genderNames)} />
      <Select {...form.at('person-role')} label="Role" value={role} onChange={setRole} options={Object.entries(roleNames)} />
      {role === 'professional' ? (
        <>
          <TextInput {...form.at('person-agency')} label="Agency (optional)" value={agency} onInput={setAgency}
            hint="For example Hollybrook Community School, or Police" />
          <TextInput {...form.at('person-job-title')} label="Job title (optional)" value={jobTitle} onInput={setJobTitle}
            hint="For example Designated Safeguarding Lead" />
        </>
      ) : null}
      <TextInput {...form.at('person-school')} label="School (optional)" value={school} onInput={setSchool} />
      <TextInput {...form.at('person-services')} label="Services involved (optional)" value={services} onInput={setServices}
        hint="For example CSC, YOT, separated by commas" />
      <Checkbox {...form.at('person-roth')} label="Already at risk outside the home (ROTH)" checked={roth} onChange={setRoth} />
      <Textarea {...form.at('person-notes')} label="Notes (optional)" value={notes} onInput={setNotes} rows={3} />
    </FormShell>
  );
}
