// The GOV.UK sign-in form, for the sign-in page and for signing in again when a session ends
// mid-meeting: a wrong password shows the error summary; the throttle's 429 is said in words.
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Session } from '../api/types';
import { type FieldError, errorFor } from '../model/problems';
import { ErrorSummary } from './ErrorSummary';
import { TextInput } from './Fields';

function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function SignInForm({
  onSignedIn,
  before,
  username: fixedUsername,
}: {
  onSignedIn: (s: Session) => void;
  before?: preact.ComponentChildren; // between the error summary and the form
  username?: string; // signing in again: only this user
}) {
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!username.trim()) missing.push({ field: 'username', message: 'Enter your username' });
    if (!password) missing.push({ field: 'password', message: 'Enter your password' });
    if (missing.length) return setErrors(missing);
    setBusy(true);
    try {
      const session = await api.signIn(username.trim(), password);
      setPassword('');
      onSignedIn(session);
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.status === 429) {
        setErrors([
          {
            field: fixedUsername ? 'password' : 'username',
            message: `There have been too many failed sign-in attempts. Wait ${waitInWords(error.retryAfterSeconds || 1)} and try again`,
          },
        ]);
      } else if (error instanceof ApiError && error.status === 401) {
        setErrors([{ field: 'password', message: 'The username or password is not right' }]);
      } else {
        setErrors([{ field: 'password', message: 'You cannot sign in now. Try again in a few minutes' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      {before}
      <form noValidate onSubmit={submit}>
        {fixedUsername ? (
          <p class="govuk-body">You were signed in as <strong>{fixedUsername}</strong></p>
        ) : (
          <TextInput id="username" label="Username" value={username} onInput={setUsername} autocomplete="username"
            width="govuk-!-width-one-half" error={errorFor(errors, 'username')} />
        )}
        <TextInput id="password" label="Password" type="password" value={password} onInput={setPassword}
          autocomplete="current-password" width="govuk-!-width-one-half" error={errorFor(errors, 'password')} />
        <button type="submit" class="govuk-button" disabled={busy}>
          Sign in
        </button>
      </form>
    </>
  );
}
