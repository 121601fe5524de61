// Record a piece of information about the selected person (guidance §5): what was said, who
// said it, when it was observed and recorded, evidenced or anecdotal, its grading in the
// chosen scheme (a code such as 2BP is typed in one go), and what it is about.
import { useState } from 'preact/hooks';
import type { Audience, Grading, InformationItem, PeerMapDocument } from '../api/types';
import { fromParts, periodFromParts, toParts, todayIso } from '../model/dates';
import { type FieldError } from '../model/problems';
import { type Item, nameIn, nextId } from '../model/items';
import { shown } from '../model/text';
import { Checkboxes, DateInput, type DateParts, Radios, Select, TextInput, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

/** The code a grading is typed as (2BP, B23), or ''. */
export function codeOf(grading: Grading | undefined): string {
  return grading && grading.scheme !== 'simple' ? `${grading.source}${grading.intelligence}${grading.handling}` : '';
}

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

const fieldNames: Record<string, string> = {
  summary: 'info-summary',
  source: 'info-agency',
  observed: 'info-observed',
  recorded: 'info-recorded',
  evidence: 'info-evidence',
  grading: 'info-scheme',
  about: 'info-about',
  handling: 'info-conditions',
};

export function InformationForm({
  document,
  subject,
  item,
  describeTie,
  onDone,
}: {
  document: PeerMapDocument;
  subject: string; // the person, place or group whose panel it was opened from
  item: InformationItem | null; // null: a new item
  describeTie: (tieId: string) => string;
  onDone: (id: string | null) => void;
}) {
  const g = item?.grading;
  const [summary, setSummary] = useState(item?.summary ?? '');
  const [agency, setAgency] = useState(item?.source.agency ?? '');
  const [sourcePerson, setSourcePerson] = useState(item?.source.person ?? '');
  const [observed, setObserved] = useState<DateParts>(toParts(item?.observed));
  const [recorded, setRecorded] = useState<DateParts>(toParts(item ? item.recorded : todayIso()));
  const [evidence, setEvidence] = useState<string>(item?.evidence ?? '');
  const [scheme, setScheme] = useState<string>(g?.scheme ?? 'simple');
  const [reliable, setReliable] = useState(g?.scheme === 'simple' ? (g.reliable === true ? 'yes' : g.reliable === false ? 'no' : 'unknown') : 'unknown');
  const [code, setCode] = useState(codeOf(g));
  const [about, setAbout] = useState<string[]>(item?.about ?? [subject]);
  const [conditions, setConditions] = useState(item?.handling?.conditions ?? '');
  const [copies, setCopies] = useState<string>(item?.handling?.audiences ? 'listed' : 'code');
  const [audiences, setAudiences] = useState<string[]>(item?.handling?.audiences ?? []);
  const form = useItemForm(document, item as unknown as Item | null, {
    section: 'information',
    fieldFor: (f) => (f === 'grading' && scheme !== 'simple' ? 'info-code' : (fieldNames[f] ?? null)),
    fallback: 'info-summary',
    required: { 'info-summary': 'Enter what was said', 'info-agency': 'Enter the agency the information came from', 'info-about': 'Select what it is about' },
  }, (id) => onDone(id));

  const ties = (document.ties ?? []).filter((t) => t.from === subject || t.to === subject);
  const ids = [...new Set([subject, ...ties.map((t) => t.id), ...about])];
  const aboutOptions = ids.map((x) => [x, document.ties?.some((t) => t.id === x) ? describeTie(x) : nameIn(document, x)] as const);
  const agencies = [...new Set((document.information ?? []).map((i) => i.source.agency))].sort();

  const submit = () => {
    const local: FieldError[] = [];
    const observedIso = periodFromParts(observed.day, observed.month, observed.year, item?.observed);
    const recordedIso = fromParts(recorded.day, recorded.month, recorded.year);
    if (observedIso === null) local.push({ field: 'info-observed', message: 'When it happened must be a real date, for example 3 11 2026, or a month (11 2026) or a year (2026)' });
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
    if (local.length) return form.fail(local);
    const value: InformationItem = {
      id: item?.id ?? nextId(document, 'i', 'information'),
      summary,
      source: { agency, ...(sourcePerson.trim() ? { person: sourcePerson } : {}) },
      ...(observedIso ? { observed: observedIso } : {}),
      ...(recordedIso ? { recorded: recordedIso } : {}),
      evidence: evidence as InformationItem['evidence'],
      ...(grading ? { grading } : {}),
      about,
      ...(conditions.trim() || copies === 'listed'
        ? {
            handling: {
              ...(conditions.trim() ? { conditions } : {}),
              ...(copies === 'listed' ? { audiences: audiences as Audience[] } : {}),
            },
          }
        : {}),
    };
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="information"
      heading={item ? `Edit information about ${nameIn(document, subject)}` : `Add information about ${nameIn(document, subject)}`}
      submit="Save information" onSubmit={submit} onCancel={() => onDone(item?.id ?? null)}>
      <Textarea {...form.at('info-summary')} label="What was said" value={summary} onInput={setSummary} rows={3} labelClass="govuk-label--s" />
      <TextInput {...form.at('info-agency')} label="Source: agency" value={agency} onInput={setAgency}
        hint={agencies.length ? `Already on this map: ${agencies.map(shown).join(', ')}` : 'For example Police, School, YOT'} />
      <TextInput {...form.at('info-person')} label="Source: person (optional)" value={sourcePerson} onInput={setSourcePerson} />
      <Radios {...form.at('info-evidence')} label="Evidenced or anecdotal?" value={evidence} onChange={setEvidence} inline
        options={[['evidenced', 'Evidenced'], ['anecdotal', 'Anecdotal']]} />
      <DateInput {...form.at('info-observed')} label="When it happened (optional)" value={observed} onInput={setObserved}
        hint={item?.observed?.includes('/')
          ? `Recorded as a range, ${item.observed.replace('/', ' to ')}: the fields show its first day. Is it recent or historic?`
          : 'Is it recent or historic? Leave the day out if only the month is known, and the month too if only the year.'} />
      <DateInput {...form.at('info-recorded')} label="When it was recorded" value={recorded} onInput={setRecorded} />
      <Select {...form.at('info-scheme')} label="Grading scheme" value={scheme} onChange={setScheme}
        options={[['simple', 'Is it a reliable source? (guidance)'], ['3x5x2', '3x5x2 (source, intelligence, handling)'], ['5x5x5', '5x5x5 (legacy)']]} />
      {scheme === 'simple' ? (
        <Radios {...form.at('info-reliable')} label="Is it a reliable source?" value={reliable} onChange={setReliable} inline
          options={[['yes', 'Yes'], ['no', 'No'], ['unknown', 'Not known']]} />
      ) : (
        <TextInput {...form.at('info-code')} label="Grading" value={code} onInput={setCode} width="govuk-input--width-4"
          hint={scheme === '3x5x2' ? 'Source 1–3, intelligence A–E, handling P (may be shared) or C (conditions apply), for example 2BP' : 'Source A–E, intelligence 1–5, handling code 1–5, for example B23'} />
      )}
      <Checkboxes {...form.at('info-about')} label="What it is about" values={about} onChange={setAbout} options={aboutOptions} small
        hint="The person, place or group, or the ties it supports" />
      <Textarea {...form.at('info-conditions')} label="Handling conditions (optional)" value={conditions} onInput={setConditions} rows={2}
        hint="What the conditions on sharing it say, for example: not to be shared with the family" />
      <Radios {...form.at('info-copies')} label="Which copies of the map may hold it?" value={copies} onChange={setCopies}
        options={[['code', 'As its handling code says'], ['listed', 'Only the copies ticked below, as its conditions allow']]} />
      {copies === 'listed' ? (
        <Checkboxes {...form.at('info-audiences')} label="Copies that may hold it (the map's own team always may)" values={audiences} onChange={setAudiences} small
          options={[['partner', 'A partner agency'], ['family', "The child's family"], ['record-of-another-child', "Another child's record"]]} />
      ) : null}
    </FormShell>
  );
}
