// Choose two revisions to compare (GOV.UK selects and a button); opens the comparison page.
import { useState } from 'preact/hooks';
import { navigate } from '../router';
import { Select } from './Fields';

export function CompareForm({ id, newest, from, to }: { id: string; newest: number; from: number; to: number }) {
  const [a, setA] = useState(String(from));
  const [b, setB] = useState(String(to));
  const options = Array.from({ length: newest }, (_, i) => [String(i + 1), `Revision ${i + 1}`] as const);
  if (newest < 2) return <p class="govuk-body">There is only one revision so far: nothing to compare yet.</p>;
  return (
    <form
      class="pm-compare-form"
      aria-label="Compare two revisions"
      onSubmit={(e) => {
        e.preventDefault();
        const [x, y] = [Number(a), Number(b)].sort((p, q) => p - q);
        navigate(`/maps/${id}/compare/${x}/${y}`);
      }}
    >
      <Select id="compare-from" label="Compare revision" value={a} onChange={setA} options={options} />
      <Select id="compare-to" label="with revision" value={b} onChange={setB} options={options} />
      <button type="submit" class="govuk-button govuk-button--secondary">Compare</button>
    </form>
  );
}
