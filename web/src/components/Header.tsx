// The generic GOV.UK header with the council's name (no crown: this is not GOV.UK), and the
// service navigation.
import { shown } from '../model/text';
import type { Session } from '../api/types';
import { Link } from '../router';

export function councilName(): string {
  const meta = document.querySelector('meta[name="peermap-council"]');
  return meta?.getAttribute('content') || 'Council';
}

export function Header({
  session,
  current,
  onSignOut,
}: {
  session: Session | null;
  current: string;
  onSignOut: () => void;
}) {
  return (
    <>
      <a href="#main-content" class="govuk-skip-link">
        Skip to main content
      </a>
      <header class="govuk-header" data-module="govuk-header">
        <div class="govuk-header__container govuk-width-container">
          <div class="govuk-header__logo">
            <Link href="/maps" class="govuk-header__link govuk-header__link--homepage">
              <span class="pm-header-council">{councilName()}</span>
              <span class="pm-header-service">peermap</span>
            </Link>
          </div>
        </div>
      </header>
      {session ? (
        <section aria-label="Menu" class="govuk-service-navigation" data-module="govuk-service-navigation">
          <div class="govuk-width-container">
            <div class="govuk-service-navigation__container">
              <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                <ul class="govuk-service-navigation__list" id="navigation">
                  <li class={`govuk-service-navigation__item${current === 'maps' ? ' govuk-service-navigation__item--active' : ''}`}>
                    <Link class="govuk-service-navigation__link" href="/maps" aria-current={current === 'maps' ? 'page' : undefined}>
                      Maps
                    </Link>
                  </li>
                  <li class="govuk-service-navigation__item">
                    <span class="govuk-service-navigation__text">
                      Signed in as {shown(session.display_name ?? session.username)} ({shown(session.team)})
                    </span>
                  </li>
                  <li class="govuk-service-navigation__item">
                    <button type="button" class="govuk-service-navigation__link pm-link-button" onClick={onSignOut}>
                      Sign out
                    </button>
                  </li>
                </ul>
              </nav>
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
