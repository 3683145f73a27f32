import { useEffect, useState } from 'react';

export function App() {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void window.frontdesk.appInfo().then((r) => {
      if (r.ok) setVersion(r.value.version);
    });
  }, []);
  return (
    <main>
      <h1>Frontdesk</h1>
      <p>{version ? `Version ${version}` : 'Loading…'}</p>
    </main>
  );
}
