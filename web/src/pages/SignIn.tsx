// Sign in (GOV.UK form pattern): a wrong password shows the error summary; the login
// throttle's 429 is said in words, with the wait.
import { useState } from 'preact/hooks';
import { ApiError, api } from '../api/client';
import type { Session } from '../api/types';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextInput } from '../components/Fields';
import { type FieldError, errorFor } from '../model/problems';

function waitInWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function SignIn({ onSignedIn, notice }: { onSignedIn: (s: Session) => void; notice?: string }) {
  const [username, setUsername] = useState('');
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
            field: 'username',
            message: `There have been too many failed sign-in attempts. Wait ${waitInWords(error.retryAfterSeconds || 1)} and try again`,
          },
        ]);
      } else if (error instanceof ApiError && error.status === 401) {
        setErrors([{ field: 'password', message: 'The username or password is not right' }]);
      } else {
        setErrors([{ field: 'username', message: 'You cannot sign in now. Try again in a few minutes' }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="govuk-width-container">
      <main class="govuk-main-wrapper" id="main-content">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors={errors} />
            {notice ? (
              <div class="govuk-inset-text">{notice}</div>
            ) : null}
            <h1 class="govuk-heading-l">Sign in to peermap</h1>
            <form noValidate onSubmit={submit}>
              <TextInput
                id="username"
                label="Username"
                value={username}
                onInput={setUsername}
                autocomplete="username"
                width="govuk-!-width-one-half"
                error={errorFor(errors, 'username')}
              />
              <TextInput
                id="password"
                label="Password"
                type="password"
                value={password}
                onInput={setPassword}
                autocomplete="current-password"
                width="govuk-!-width-one-half"
                error={errorFor(errors, 'password')}
              />
              <button type="submit" class="govuk-button" disabled={busy}>
                Sign in
              </button>
            </form>
          </div>
        </div>
      </main>
    </div>
  );
}
