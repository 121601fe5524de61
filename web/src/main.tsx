// The workspace's entry: who is signed in, and which page the path names.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, onSessionEnded } from './api/client';
import type { Session } from './api/types';
import { Header } from './components/Header';
import { SessionRenewal } from './components/SessionRenewal';
import { Compare } from './pages/Compare';
import { Editor } from './pages/Editor';
import { History } from './pages/History';
import { Maps } from './pages/Maps';
import { NewMap } from './pages/NewMap';
import { Revision } from './pages/Revision';
import { SignIn } from './pages/SignIn';
import { navigate, usePath } from './router';
import { mapStore } from './store';

function App() {
  const path = usePath();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [renewal, setRenewal] = useState<{ username: string; done: () => void } | null>(null);

  useEffect(() => {
    api.currentSession().then(setSession, () => setSession(null));
  }, []);

  useEffect(() => {
    if (session === null && path !== '/sign-in') navigate('/sign-in', true);
    if (session && (path === '/sign-in' || path === '/')) navigate('/maps', true);
  }, [session, path]);

  useEffect(() => {
    if (!session) return onSessionEnded(null);
    let pending: Promise<void> | null = null;
    onSessionEnded(() => {
      pending ??= new Promise<void>((resolve) => {
        setRenewal({ username: session.username, done: () => { pending = null; resolve(); } });
      });
      return pending;
    });
  }, [session]);

  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      mapStore.clear();
      setNotice('You have signed out.');
      setSession(null);
    }
  };

  if (session === undefined) return null;
  const editorId = /^\/maps\/([0-9a-f]{32})/.exec(path)?.[1];
  // The history's pages: /maps/{id}/history, /maps/{id}/revisions/{n}, /maps/{id}/compare/{a}/{b}.
  const historyPage = /^\/maps\/[0-9a-f]{32}\/(history|revisions\/(\d+)|compare\/(\d+)\/(\d+))$/.exec(path);
  let page;
  if (!session) {
    document.title = 'Sign in – peermap';
    page = <SignIn notice={notice} onSignedIn={(s) => { setNotice(''); setSession(s); }} />;
  } else if (path === '/maps/new') page = <NewMap />;
  else if (editorId && historyPage?.[2]) page = <Revision id={editorId} n={Number(historyPage[2])} />;
  else if (editorId && historyPage?.[3]) page = <Compare id={editorId} from={Number(historyPage[3])} to={Number(historyPage[4])} />;
  else if (editorId && historyPage) page = <History id={editorId} />;
  else if (editorId) page = <Editor id={editorId} />;
  else page = <Maps />;
  return (
    <>
      <Header session={session} current={editorId ? 'editor' : 'maps'} onSignOut={signOut} />
      {page}
      {renewal ? (
        <SessionRenewal
          username={renewal.username}
          onSignedIn={() => {
            renewal.done();
            setRenewal(null);
          }}
        />
      ) : null}
    </>
  );
}

render(<App />, document.getElementById('app')!);
