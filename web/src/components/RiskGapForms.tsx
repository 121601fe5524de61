// Add or edit a risk or a strength (about a person, group or place), and an information gap:
// the question, about whom, who will find out and by when.
import { useState } from 'preact/hooks';
import type { PeerMapDocument } from '../api/types';
import { fromParts, toParts } from '../model/dates';
import { type Item, nameIn, nextId } from '../model/items';
import { Checkboxes, DateInput, type DateParts, Radios, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

export interface RiskOrStrength {
  id: string;
  kind: 'risk' | 'strength';
  about: string;
  description: string;
}

export interface InformationGap {
  id: string;
  question: string;
  about?: string[];
  owner?: string;
  due?: string;
}

/** The people, places and groups on the map, for "about" choices. */
export function subjects(document: PeerMapDocument): (readonly [string, string])[] {
  return [...(document.people ?? []), ...(document.groups ?? []), ...(document.locations ?? [])].map((x) => [x.id, nameIn(document, x.id)] as const);
}

export function RiskForm({ document, subject, risk, onDone }: {
  document: PeerMapDocument;
  subject: string;
  risk: RiskOrStrength | null;
  onDone: (id: string | null) => void;
}) {
  const [kind, setKind] = useState<string>(risk?.kind ?? '');
  const [about, setAbout] = useState(risk?.about ?? subject);
  const [description, setDescription] = useState(risk?.description ?? '');
  const form = useItemForm(document, risk as unknown as Item | null, {
    section: 'risks',
    fieldFor: (f) => ({ kind: 'risk-kind', about: 'risk-about', description: 'risk-description' })[f] ?? null,
    fallback: 'risk-kind',
    required: { 'risk-description': 'Describe the risk or strength' },
  }, (id) => onDone(id));

  const submit = () => {
    if (!kind) return form.fail([{ field: 'risk-kind', message: 'Select whether it is a risk or a strength' }]);
    const value: RiskOrStrength = { id: risk?.id ?? nextId(document, 'r', 'risks'), kind: kind as RiskOrStrength['kind'], about, description };
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="risks"
      heading={risk ? `Edit the ${risk.kind} about ${nameIn(document, risk.about)}` : `Add a risk or strength about ${nameIn(document, subject)}`}
      submit="Save risk or strength" onSubmit={submit} onCancel={() => onDone(risk?.id ?? null)}>
      <Radios {...form.at('risk-kind')} label="Risk or strength?" value={kind} onChange={setKind} inline
        hint="A strength is a protective factor: something that keeps them safe"
        options={[['risk', 'Risk'], ['strength', 'Strength']]} />
      <Select {...form.at('risk-about')} label="About" value={about} onChange={setAbout} options={subjects(document)} />
      <Textarea {...form.at('risk-description')} label="Description" value={description} onInput={setDescription} rows={3} />
    </FormShell>
  );
}

export function GapForm({ document, subject, gap, onDone }: {
  document: PeerMapDocument;
  subject: string;
  gap: InformationGap | null;
  onDone: (id: string | null) => void;
}) {
  const [question, setQuestion] = useState(gap?.question ?? '');
  const [about, setAbout] = useState<string[]>(gap?.about ?? [subject]);
  const [owner, setOwner] = useState(gap?.owner ?? '');
  const [due, setDue] = useState<DateParts>(toParts(gap?.due));
  const form = useItemForm(document, gap as unknown as Item | null, {
    section: 'gaps',
    fieldFor: (f) => ({ question: 'gap-question', about: 'gap-about', owner: 'gap-owner', due: 'gap-due' })[f] ?? null,
    fallback: 'gap-question',
    required: { 'gap-question': 'Enter what is not known' },
  }, (id) => onDone(id));

  // The subject, the people tied to them, and anything the gap already names.
  const near = new Set([subject, ...(document.ties ?? []).filter((t) => t.from === subject || t.to === subject).flatMap((t) => [t.from, t.to]), ...about]);
  const options = subjects(document).filter(([id]) => near.has(id));

  const submit = () => {
    const dueIso = fromParts(due.day, due.month, due.year);
    if (dueIso === null) return form.fail([{ field: 'gap-due', message: 'The date must be a real date, for example 24 11 2026' }]);
    const value: InformationGap = {
      id: gap?.id ?? nextId(document, 'gap', 'gaps'),
      question,
      ...(about.length ? { about } : {}),
      ...(owner.trim() ? { owner } : {}),
      ...(dueIso ? { due: dueIso } : {}),
    };
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="gaps" heading={gap ? 'Edit the information gap' : `Add an information gap about ${nameIn(document, subject)}`}
      submit="Save information gap" onSubmit={submit} onCancel={() => onDone(gap?.id ?? null)}>
      <Textarea {...form.at('gap-question')} label="What is not known" value={question} onInput={setQuestion} rows={2} labelClass="govuk-label--s"
        hint="The question to answer, for example: what is Smokey's real name?" />
      <Checkboxes {...form.at('gap-about')} label="About whom" values={about} onChange={setAbout} options={options} small />
      <TextInput {...form.at('gap-owner')} label="Who will find out (optional)" value={owner} onInput={setOwner}
        hint="An agency or a person, for example Police (Intelligence)" />
      <DateInput {...form.at('gap-due')} label="By when (optional)" value={due} onInput={setDue} hint="For example, 24 11 2026" />
    </FormShell>
  );
}
