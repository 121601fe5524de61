// Add a tie from the selected person: a relationship with another person (nature, strength,
// tension, exploitation or control with its direction, who leads, protective or risky), or
// "frequents" a place, or "member of" a group. Saved as a JSON Patch with If-Match; the
// server's problems are shown at their fields.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { PeerMapDocument, Person, Tie } from '../api/types';
import { type FieldError, errorFor, fieldErrors } from '../model/problems';
import { shown } from '../model/text';
import { mapStore } from '../store';
import { ErrorSummary } from './ErrorSummary';
import { Checkbox, Select, Textarea } from './Fields';

const natures = [
  ['friend', 'Friend'], ['family', 'Family'], ['partner', 'Partner'], ['associate', 'Associate'],
  ['online', 'Online'], ['rival', 'Rival'], ['professional', 'Professional'], ['other', 'Other'],
] as const;

function nextTieId(document: PeerMapDocument): string {
  const used = new Set<string>();
  for (const value of Object.values(document)) {
    if (Array.isArray(value)) for (const item of value) if (item && typeof item.id === 'string') used.add(item.id);
  }
  let n = (document.ties?.length ?? 0) + 1;
  while (used.has(`t${n}`)) n += 1;
  return `t${n}`;
}

const fieldNames: Record<string, string> = {
  kind: 'tie-kind',
  to: 'tie-to',
  from: 'tie-to',
  nature: 'tie-nature',
  strength: 'tie-strength',
  tension: 'tie-tension',
  exploitation: 'tie-exploitation',
  influence: 'tie-influence',
  valence: 'tie-valence',
  notes: 'tie-notes',
};

export function TieForm({ document, person, onDone }: { document: PeerMapDocument; person: Person; onDone: () => void }) {
  const [kind, setKind] = useState<Tie['kind']>('relationship');
  const [to, setTo] = useState('');
  const [nature, setNature] = useState('associate');
  const [strength, setStrength] = useState('1');
  const [tension, setTension] = useState(false);
  const [exploitation, setExploitation] = useState('');
  const [influence, setInfluence] = useState('');
  const [valence, setValence] = useState('unknown');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const me = shown(person.full_name);
  const targets =
    kind === 'relationship'
      ? (document.people ?? []).filter((p) => p.id !== person.id).map((p) => [p.id, shown(p.full_name)] as const)
      : kind === 'frequents'
        ? (document.locations ?? []).map((l) => [l.id, shown(l.name)] as const)
        : (document.groups ?? []).map((g) => [g.id, shown(g.name)] as const);
  const other = targets.find(([id]) => id === to)?.[1] ?? 'the other person';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!to) {
      return setErrors([{ field: 'tie-to', message: kind === 'relationship' ? 'Select the other person' : kind === 'frequents' ? 'Select the place' : 'Select the group' }]);
    }
    const tie: Tie = {
      id: nextTieId(document),
      kind,
      from: person.id,
      to,
      ...(strength !== '1' ? { strength: Number(strength) } : {}),
      ...(kind === 'relationship'
        ? {
            nature,
            ...(tension ? { tension: true } : {}),
            ...(exploitation ? { exploitation: { by: exploitation } } : {}),
            ...(influence ? { influence: { leader: influence } } : {}),
          }
        : {}),
      ...(valence !== 'unknown' ? { valence: valence as Tie['valence'] } : {}),
      ...(notes.trim() ? { notes } : {}),
    };
    const at = document.ties?.length ?? 0;
    const operations = (doc: PeerMapDocument) =>
      doc.ties ? [{ op: 'add' as const, path: '/ties/-', value: tie }] : [{ op: 'add' as const, path: '/ties', value: [tie] }];
    setBusy(true);
    try {
      // A new tie overlaps nobody's edit: after a 412 it is added to the newest revision.
      await mapStore.save(operations(document), (newest) => operations(newest));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.problems.length) {
        setErrors(
          fieldErrors(
            error.problems,
            (pointer) => {
              const m = /^\/ties\/(\d+)(?:\/([a-z_]+))?/.exec(pointer);
              if (!m || Number(m[1]) !== at) return null;
              return m[2] ? (fieldNames[m[2]] ?? null) : 'tie-to';
            },
            'tie-to',
            (id) => {
              const p = document.people?.find((x) => x.id === id);
              return p ? p.full_name : null;
            },
          ),
        );
      } else {
        setErrors([{ field: 'tie-to', message: 'The tie cannot be saved now. Try again' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h2 class="govuk-heading-m" tabIndex={-1} ref={heading}>
        Add a tie for {me}
      </h2>
      <Select id="tie-kind" label="Kind of tie" value={kind} error={errorFor(errors, 'tie-kind')}
        onChange={(v) => { setKind(v as Tie['kind']); setTo(''); }}
        options={[['relationship', 'A relationship with another person'], ['frequents', 'Frequents a place'], ['member-of', 'Member of a group']]} />
      <Select id="tie-to" label={kind === 'relationship' ? 'The other person' : kind === 'frequents' ? 'The place' : 'The group'}
        value={to} error={errorFor(errors, 'tie-to')}
        onChange={(v) => {
          // A direction that named the previous person no longer applies.
          if (exploitation && exploitation !== person.id) setExploitation('');
          if (influence && influence !== person.id) setInfluence('');
          setTo(v);
        }} options={[['', 'Select…'], ...targets]} />
      {kind === 'relationship' ? (
        <>
          <Select id="tie-nature" label="Nature" value={nature} onChange={setNature} error={errorFor(errors, 'tie-nature')} options={natures} />
          <Select id="tie-strength" label="Strength" value={strength} onChange={setStrength} error={errorFor(errors, 'tie-strength')}
            hint="Test it out: how often are they together, and how close?"
            options={[['1', 'Weak'], ['2', 'Moderate'], ['3', 'Strong']]} />
          <Checkbox id="tie-tension" label="Conflict or tension between them" checked={tension} onChange={setTension} error={errorFor(errors, 'tie-tension')} />
          <Select id="tie-exploitation" label="Exploitation or control" value={exploitation} onChange={setExploitation}
            error={errorFor(errors, 'tie-exploitation')}
            options={[['', 'None known'], [person.id, `${me} exploits or controls ${other}`], ...(to ? [[to, `${other} exploits or controls ${me}`] as const] : [])]} />
          <Select id="tie-influence" label="Who leads" value={influence} onChange={setInfluence} error={errorFor(errors, 'tie-influence')}
            hint="Leaders and followers in the group"
            options={[['', 'Not known'], [person.id, `${me} leads, ${other} follows`], ...(to ? [[to, `${other} leads, ${me} follows`] as const] : [])]} />
        </>
      ) : (
        <Select id="tie-strength" label="How often" value={strength} onChange={setStrength} error={errorFor(errors, 'tie-strength')}
          options={[['1', 'Sometimes'], ['2', 'Often'], ['3', 'Most days']]} />
      )}
      <Select id="tie-valence" label="Protective or risky" value={valence} onChange={setValence} error={errorFor(errors, 'tie-valence')}
        options={[['unknown', 'Not known'], ['protective', 'Protective'], ['risky', 'Risky'], ['mixed', 'Mixed']]} />
      <Textarea id="tie-notes" label="Notes (optional)" value={notes} onInput={setNotes} rows={2} error={errorFor(errors, 'tie-notes')} />
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" disabled={busy}>Save tie</button>
        <button type="button" class="govuk-button govuk-button--secondary" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
