// When the session ends mid-meeting (8 hours, or signed out elsewhere), the page stays as it
// is, with everything typed, and this dialog asks for the password again; the request that
// found the session gone is then sent again (api/client.ts).
import { useEffect, useRef } from 'preact/hooks';
import type { Session } from '../api/types';
import { SignInForm } from './SignInForm';

export function SessionRenewal({ username, onSignedIn }: { username: string; onSignedIn: (s: Session) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
    document.getElementById('password')?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="pm-renewal"
      aria-labelledby="renewal-heading"
      onCancel={(e) => e.preventDefault() /* the request waits for the sign-in */}
    >
      <SignInForm
        username={username}
        onSignedIn={onSignedIn}
        before={
          <>
            <h2 class="govuk-heading-m" id="renewal-heading">Your session has ended</h2>
            <p class="govuk-body">Sign in again to carry on. What you typed is kept, and your change is saved once you have signed in.</p>
          </>
        }
      />
    </dialog>
  );
}
