// Edit the map's own details, what Create a map asked: the title, the subject children (people on
// the map), the purpose and objectives, the concern types, the status, the map and review dates
// and the protective marking. Saved as one `replace /map` through the shared item form, so the
// server's problems are shown at their fields, undo restores the details, and a conflict shows
// both versions.
import { useState } from 'preact/hooks';
import type { MapMeta, MapStatus, PeerMapDocument } from '../api/types';
import { fromParts, longDate, toParts } from '../model/dates';
import { concernLabel, concernTypes, markings } from '../model/exercise';
import { type Item, mapAsItem, mapSection, nameIn } from '../model/items';
import { adultStatus, statusNames } from '../model/people';
import { Checkboxes, DateInput, type DateParts, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

const fieldNames: Record<string, string> = {
  title: 'map-title',
  subject_children: 'map-subjects',
  purpose: 'map-purpose',
  concern_types: 'map-concern-types',
  status: 'map-status',
  map_date: 'map-date',
  review_date: 'map-review-date',
  protective_marking: 'map-marking',
};

const known = new Set<string>(concernTypes);

export function MapDetailsForm({ document, onDone }: { document: PeerMapDocument; onDone: (id: string | null) => void }) {
  const m = document.map;
  const [title, setTitle] = useState(m.title);
  const [subjects, setSubjects] = useState<string[]>(m.subject_children);
  const [purpose, setPurpose] = useState(m.purpose ?? '');
  const [concerns, setConcerns] = useState<string[]>((m.concern_types ?? []).filter((c) => known.has(c)));
  const [other, setOther] = useState((m.concern_types ?? []).filter((c) => !known.has(c)).join(', '));
  const [status, setStatus] = useState<string>(m.status);
  const [mapDate, setMapDate] = useState<DateParts>(toParts(m.map_date));
  const [reviewDate, setReviewDate] = useState<DateParts>(toParts(m.review_date));
  const [marking, setMarking] = useState(m.protective_marking || 'OFFICIAL-SENSITIVE');
  const form = useItemForm(document, mapAsItem(document), {
    section: mapSection,
    fieldFor: (f) => fieldNames[f] ?? null,
    fallback: 'map-title',
    required: { 'map-title': 'Enter the title of the map', 'map-subjects': 'Select at least one subject child' },
    reword: (field, message) => (field === 'map-review-date' && /before map_date/.test(message)
      ? `The review date must not be before the map date, ${longDate(fromParts(mapDate.day, mapDate.month, mapDate.year) ?? '')}` : message),
  }, () => onDone(mapSection));

  // The children on the map (and anyone already a subject), for the subject children.
  const choices = (document.people ?? [])
    .filter((p) => m.subject_children.includes(p.id) || (p.role !== 'professional' && !adultStatus(p, m.map_date).adult))
    .map((p) => [p.id, nameIn(document, p.id)] as const);

  const submit = () => {
    const mapIso = fromParts(mapDate.day, mapDate.month, mapDate.year);
    const reviewIso = fromParts(reviewDate.day, reviewDate.month, reviewDate.year);
    if (mapIso === null || !mapIso) return form.fail([{ field: 'map-date', message: mapIso === null ? 'Map date must be a real date, for example 27 3 2026' : 'Enter the map date' }]);
    if (reviewIso === null) return form.fail([{ field: 'map-review-date', message: 'Review date must be a real date, for example 27 6 2026' }]);
    const otherList = other.split(',').map((c) => c.trim()).filter(Boolean);
    const concernList = [...concernTypes.filter((c) => concerns.includes(c)), ...otherList];
    // What the form does not show (the owning team, the recent window) is kept as it was.
    const { purpose: _p, concern_types: _c, review_date: _r, ...kept } = m;
    const value: MapMeta = {
      ...kept,
      title,
      ...(purpose.trim() ? { purpose } : {}),
      ...(concernList.length ? { concern_types: concernList } : {}),
      subject_children: subjects,
      status: status as MapStatus,
      map_date: mapIso,
      ...(reviewIso ? { review_date: reviewIso } : {}),
      protective_marking: marking,
    };
    return form.save({ ...value, id: mapSection } as unknown as Item);
  };

  const markingOptions = [...new Set<string>([...markings, marking])].map((x) => [x, x] as const);
  return (
    <FormShell form={form} document={document} section={mapSection} heading="Edit the map's details"
      submit="Save map details" onSubmit={submit} onCancel={() => onDone(mapSection)}>
      <TextInput {...form.at('map-title')} label="Title" value={title} onInput={setTitle} labelClass="govuk-label--s" />
      <Checkboxes {...form.at('map-subjects')} label="Subject children" values={subjects} onChange={setSubjects} options={choices} small
        hint="The child or children the meeting is called about. Add a child to the map first to make them a subject." />
      <Textarea {...form.at('map-purpose')} label="Purpose and objectives" value={purpose} onInput={setPurpose} rows={4}
        hint="What the mapping should find out. Stay focused on the original objectives." />
      <Checkboxes {...form.at('map-concern-types')} label="Concern type" values={concerns} onChange={setConcerns}
        options={concernTypes.map((c) => [c, concernLabel(c)] as const)} hint="Select all that apply." small />
      <TextInput id="map-other-concern" label="Other concern types (optional)" value={other} onInput={setOther}
        hint="Separated by commas" />
      <Select {...form.at('map-status')} label="Status" value={status} onChange={setStatus} options={Object.entries(statusNames)} />
      <DateInput {...form.at('map-date')} label="Map date" value={mapDate} onInput={setMapDate} hint="The date the map describes, for example 27 3 2026" />
      <DateInput {...form.at('map-review-date')} label="Review date (optional)" value={reviewDate} onInput={setReviewDate}
        hint="When the map should be reviewed. Not before the map date." />
      <Select {...form.at('map-marking')} label="Protective marking" value={marking} onChange={setMarking} options={markingOptions} />
    </FormShell>
  );
}
