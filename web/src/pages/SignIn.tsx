// The sign-in page.
import type { Session } from '../api/types';
import { SignInForm } from '../components/SignInForm';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (s: Session) => void; notice?: string }) {
  return (
    <div class="govuk-width-container">
      <main class="govuk-main-wrapper" id="main-content">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <SignInForm
              onSignedIn={onSignedIn}
              before={
                <>
                  {notice ? <div class="govuk-inset-text">{notice}</div> : null}
                  <h1 class="govuk-heading-l">Sign in to peermap</h1>
                </>
              }
            />
          </div>
        </div>
      </main>
    </div>
  );
}
