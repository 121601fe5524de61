// Add or edit a tie: a relationship with another person (nature, strength, tension,
// exploitation or control with its direction, who leads, protective or risky), or "frequents"
// a place, or "member of" a group. Saved through the shared item form.
import { useState } from 'preact/hooks';
import type { PeerMapDocument, Person, Tie } from '../api/types';
import { type Item, nameIn, natureNames, nextId } from '../model/items';
import { Checkbox, Select, Textarea } from './Fields';
import { FormShell, useItemForm } from './ItemForm';

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

export function TieForm({ document, person, tie, onDone }: {
  document: PeerMapDocument;
  person: Person; // the person the tie is from (a new tie) or seen from (an edit)
  tie: Tie | null; // null: a new tie
  onDone: (id: string | null) => void;
}) {
  const from = tie?.from ?? person.id;
  const [kind, setKind] = useState<Tie['kind']>(tie?.kind ?? 'relationship');
  const [to, setTo] = useState(tie ? (tie.from === person.id ? tie.to : tie.from) : '');
  const [nature, setNature] = useState(tie?.nature ?? 'associate');
  const [strength, setStrength] = useState(String(tie?.strength ?? 1));
  const [tension, setTension] = useState(tie?.tension ?? false);
  const [exploitation, setExploitation] = useState(tie?.exploitation?.by ?? '');
  const [influence, setInfluence] = useState(tie?.influence?.leader ?? '');
  const [valence, setValence] = useState<string>(tie?.valence ?? 'unknown');
  const [notes, setNotes] = useState(tie?.notes ?? '');
  const form = useItemForm(document, tie as unknown as Item | null, {
    section: 'ties',
    fieldFor: (f) => fieldNames[f] ?? null,
    fallback: 'tie-to',
  }, (id) => onDone(id));

  const me = nameIn(document, person.id);
  const targets =
    kind === 'relationship'
      ? (document.people ?? []).filter((p) => p.id !== person.id).map((p) => [p.id, nameIn(document, p.id)] as const)
      : kind === 'frequents'
        ? (document.locations ?? []).map((l) => [l.id, nameIn(document, l.id)] as const)
        : (document.groups ?? []).map((g) => [g.id, nameIn(document, g.id)] as const);
  const other = targets.find(([id]) => id === to)?.[1] ?? 'the other person';

  const submit = () => {
    if (!to) {
      return form.fail([{ field: 'tie-to', message: kind === 'relationship' ? 'Select the other person' : kind === 'frequents' ? 'Select the place' : 'Select the group' }]);
    }
    // An edit keeps the tie's own direction; a new tie runs from the selected person.
    const [a, b] = tie && tie.from !== person.id && kind === tie.kind ? [to, person.id] : [person.id, to];
    const value: Tie = {
      id: tie?.id ?? nextId(document, 't', 'ties'),
      kind,
      from: kind === 'relationship' ? a : person.id,
      to: kind === 'relationship' ? b : to,
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
    return form.save(value as unknown as Item);
  };

  return (
    <FormShell form={form} document={document} section="ties" heading={tie ? `Edit the tie between ${me} and ${other}` : `Add a tie for ${me}`}
      submit="Save tie" onSubmit={submit} onCancel={() => onDone(tie?.id ?? null)}>
      <Select {...form.at('tie-kind')} label="Kind of tie" value={kind}
        onChange={(v) => { setKind(v as Tie['kind']); setTo(''); }}
        options={[['relationship', 'A relationship with another person'], ['frequents', 'Frequents a place'], ['member-of', 'Member of a group']]} />
      <Select {...form.at('tie-to')} label={kind === 'relationship' ? 'The other person' : kind === 'frequents' ? 'The place' : 'The group'}
        value={to}
        onChange={(v) => {
          // A direction that named the previous person no longer applies.
          if (exploitation && exploitation !== person.id) setExploitation('');
          if (influence && influence !== person.id) setInfluence('');
          setTo(v);
        }} options={[['', 'Select…'], ...targets]} />
      {kind === 'relationship' ? (
        <>
          <Select {...form.at('tie-nature')} label="Nature" value={nature} onChange={setNature} options={Object.entries(natureNames)} />
          <Select {...form.at('tie-strength')} label="Strength" value={strength} onChange={setStrength}
            hint="Test it out: how often are they together, and how close?"
            options={[['1', 'Weak'], ['2', 'Moderate'], ['3', 'Strong']]} />
          <Checkbox {...form.at('tie-tension')} label="Conflict or tension between them" checked={tension} onChange={setTension} />
          <Select {...form.at('tie-exploitation')} label="Exploitation or control" value={exploitation} onChange={setExploitation}
            options={[['', 'None known'], [person.id, `${me} exploits or controls ${other}`], ...(to ? [[to, `${other} exploits or controls ${me}`] as const] : [])]} />
          <Select {...form.at('tie-influence')} label="Who leads" value={influence} onChange={setInfluence}
            hint="Leaders and followers in the group"
            options={[['', 'Not known'], [person.id, `${me} leads, ${other} follows`], ...(to ? [[to, `${other} leads, ${me} follows`] as const] : [])]} />
        </>
      ) : (
        <Select {...form.at('tie-strength')} label="How often" value={strength} onChange={setStrength}
          options={[['1', 'Sometimes'], ['2', 'Often'], ['3', 'Most days']]} />
      )}
      <Select {...form.at('tie-valence')} label="Protective or risky" value={valence} onChange={setValence}
        options={[['unknown', 'Not known'], ['protective', 'Protective'], ['risky', 'Risky'], ['mixed', 'Mixed']]} />
      <Textarea {...form.at('tie-notes')} label="Notes (optional)" value={notes} onInput={setNotes} rows={2} />
    </FormShell>
  );
}
