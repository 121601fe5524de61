// The workspace's entry: who is signed in, and which page the path names.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, onSessionEnded } from './api/client';
import type { Session } from './api/types';
import { Header } from './components/Header';
import { SessionRenewal } from './components/SessionRenewal';
import { Editor } from './pages/Editor';
import { Maps } from './pages/Maps';
import { NewMap } from './pages/NewMap';
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
  let page;
  if (!session) {
    document.title = 'Sign in – peermap';
    page = <SignIn notice={notice} onSignedIn={(s) => { setNotice(''); setSession(s); }} />;
  } else if (path === '/maps/new') page = <NewMap />;
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
