// Record a piece of information about the selected person (guidance §5): what was said, who
// said it, when it was observed and recorded, evidenced or anecdotal, its grading in the
// chosen scheme (a code such as 2BP is typed in one go), and what it is about.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { Grading, InformationItem, PeerMapDocument, Person } from '../api/types';
import { fromParts, toParts, todayIso } from '../model/dates';
import { type FieldError, errorFor, fieldErrors } from '../model/problems';
import { shown } from '../model/text';
import { mapStore } from '../store';
import { ErrorSummary } from './ErrorSummary';
import { Checkboxes, DateInput, type DateParts, Radios, Select, TextInput, Textarea } from './Fields';

/** The grading a code stands for in a scheme, or null when the code does not fit it. */
export function gradingFromCode(scheme: string, code: string): Grading | null {
  const c = code.trim().toUpperCase();
  if (scheme === '3x5x2') {
    const m = /^([1-3])\s*([A-E])\s*([PC])$/.exec(c);
    return m ? { scheme: '3x5x2', source: Number(m[1]), intelligence: m[2], handling: m[3] } : null;
  }
  if (scheme === '5x5x5') {
    const m = /^([A-E])\s*([1-5])\s*([1-5])$/.exec(c);
    return m ? { scheme: '5x5x5', source: m[1], intelligence: Number(m[2]), handling: Number(m[3]) } : null;
  }
  return null;
}

function nextId(document: PeerMapDocument): string {
  const used = new Set<string>();
  for (const value of Object.values(document)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item.id === 'string') used.add(item.id);
  }
  let n = (document.information?.length ?? 0) + 1;
  while (used.has(`i${n}`)) n += 1;
  return `i${n}`;
}

const fieldNames: Record<string, string> = {
  summary: 'info-summary',
  source: 'info-agency',
  observed: 'info-observed',
  recorded: 'info-recorded',
  evidence: 'info-evidence',
  grading: 'info-scheme',
  about: 'info-about',
};

export function InformationForm({
  document,
  person,
  describeTie,
  onDone,
}: {
  document: PeerMapDocument;
  person: Person;
  describeTie: (tieId: string) => string;
  onDone: () => void;
}) {
  const [summary, setSummary] = useState('');
  const [agency, setAgency] = useState('');
  const [sourcePerson, setSourcePerson] = useState('');
  const [observed, setObserved] = useState<DateParts>({ day: '', month: '', year: '' });
  const [recorded, setRecorded] = useState<DateParts>(toParts(todayIso()));
  const [evidence, setEvidence] = useState('');
  const [scheme, setScheme] = useState('simple');
  const [reliable, setReliable] = useState('unknown');
  const [code, setCode] = useState('');
  const [about, setAbout] = useState<string[]>([person.id]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const ties = (document.ties ?? []).filter((t) => t.from === person.id || t.to === person.id);
  const aboutOptions = [[person.id, shown(person.full_name)] as const, ...ties.map((t) => [t.id, describeTie(t.id)] as const)];
  const agencies = [...new Set((document.information ?? []).map((i) => i.source.agency))].sort();

  const submit = async (event: Event) => {
    event.preventDefault();
    const local: FieldError[] = [];
    const observedIso = fromParts(observed.day, observed.month, observed.year);
    const recordedIso = fromParts(recorded.day, recorded.month, recorded.year);
    if (observedIso === null) local.push({ field: 'info-observed', message: 'When it was observed must be a real date, for example 3 11 2026' });
    if (recordedIso === null) local.push({ field: 'info-recorded', message: 'When it was recorded must be a real date, for example 10 11 2026' });
    if (!evidence) local.push({ field: 'info-evidence', message: 'Select whether it is evidenced or anecdotal' });
    let grading: Grading | undefined;
    if (scheme === 'simple') {
      grading = { scheme: 'simple', reliable: reliable === 'yes' ? true : reliable === 'no' ? false : null };
    } else if (code.trim()) {
      grading = gradingFromCode(scheme, code) ?? undefined;
      if (!grading) {
        local.push({
          field: 'info-code',
          message: scheme === '3x5x2' ? 'Enter the grading as source 1 to 3, intelligence A to E and handling P or C, for example 2BP' : 'Enter the grading as source A to E, intelligence 1 to 5 and handling 1 to 5, for example B23',
        });
      }
    } else {
      local.push({ field: 'info-code', message: 'Enter the grading' });
    }
    if (local.length) return setErrors(local);
    const item: InformationItem = {
      id: nextId(document),
      summary,
      source: { agency, ...(sourcePerson.trim() ? { person: sourcePerson } : {}) },
      ...(observedIso ? { observed: observedIso } : {}),
      ...(recordedIso ? { recorded: recordedIso } : {}),
      evidence: evidence as InformationItem['evidence'],
      ...(grading ? { grading } : {}),
      about,
    };
    const at = document.information?.length ?? 0;
    const operations = (doc: PeerMapDocument) =>
      doc.information ? [{ op: 'add' as const, path: '/information/-', value: item }] : [{ op: 'add' as const, path: '/information', value: [item] }];
    setBusy(true);
    try {
      await mapStore.save(operations(document), (newest) => operations(newest));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) {
        setErrors(
          fieldErrors(
            error.problems,
            (pointer) => {
              const m = /^\/information\/(\d+)(?:\/([a-z_]+))?/.exec(pointer);
              if (!m || Number(m[1]) !== at) return null;
              return m[2] ? (fieldNames[m[2]] ?? null) : 'info-summary';
            },
            'info-summary',
            (id) => document.people?.find((x) => x.id === id)?.full_name ?? null,
          ),
        );
      } else {
        setErrors([{ field: 'info-summary', message: 'The information cannot be saved now. Try again' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m" tabIndex={-1} ref={heading}>Add information about {shown(person.full_name)}</h2>
      <Textarea id="info-summary" label="What was said" value={summary} onInput={setSummary} rows={3} error={errorFor(errors, 'info-summary')} labelClass="govuk-label--s" />
      <TextInput id="info-agency" label="Source: agency" value={agency} onInput={setAgency} error={errorFor(errors, 'info-agency')}
        hint={agencies.length ? `Already on this map: ${agencies.map(shown).join(', ')}` : 'For example Police, School, YOT'} />
      <TextInput id="info-person" label="Source: person (optional)" value={sourcePerson} onInput={setSourcePerson} />
      <Radios id="info-evidence" label="Evidenced or anecdotal?" value={evidence} onChange={setEvidence} inline error={errorFor(errors, 'info-evidence')}
        options={[['evidenced', 'Evidenced'], ['anecdotal', 'Anecdotal']]} />
      <DateInput id="info-observed" label="When it happened (optional)" value={observed} onInput={setObserved} error={errorFor(errors, 'info-observed')}
        hint="Is it recent or historic?" />
      <DateInput id="info-recorded" label="When it was recorded" value={recorded} onInput={setRecorded} error={errorFor(errors, 'info-recorded')} />
      <Select id="info-scheme" label="Grading scheme" value={scheme} onChange={setScheme} error={errorFor(errors, 'info-scheme')}
        options={[['simple', 'Is it a reliable source? (guidance)'], ['3x5x2', '3x5x2 (source, intelligence, handling)'], ['5x5x5', '5x5x5 (legacy)']]} />
      {scheme === 'simple' ? (
        <Radios id="info-reliable" label="Is it a reliable source?" value={reliable} onChange={setReliable} inline
          options={[['yes', 'Yes'], ['no', 'No'], ['unknown', 'Not known']]} />
      ) : (
        <TextInput id="info-code" label="Grading" value={code} onInput={setCode} width="govuk-input--width-4" error={errorFor(errors, 'info-code')}
          hint={scheme === '3x5x2' ? 'Source 1–3, intelligence A–E, handling P or C, for example 2BP' : 'Source A–E, intelligence 1–5, handling 1–5, for example B23'} />
      )}
      <Checkboxes id="info-about" label="What it is about" values={about} onChange={setAbout} options={aboutOptions} small
        error={errorFor(errors, 'info-about')} hint="The person, or the ties it supports" />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy}>Save information</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
