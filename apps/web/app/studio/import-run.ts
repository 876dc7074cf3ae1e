// Following an import run: GET /api/cms/imports/:id every half second until it is no longer running.
// Used by the import screen (progress, then summary) and by "sync now" on the subscriptions screen.
import { useEffect, useState } from 'react';
import { cms } from './cms';
import type { paths } from '../api/schema';

export type ImportRun = paths['/api/cms/imports/{id}']['get']['responses'][200]['content']['application/json'];
export type ImportPreview = paths['/api/cms/imports/preview']['post']['responses'][200]['content']['application/json'];

/** The run as last read, while and after it runs (undefined before the first answer). */
export function useImportRun(id: string | undefined): ImportRun | undefined {
  const [run, setRun] = useState<ImportRun>();
  useEffect(() => {
    setRun(undefined);
    if (!id) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const { data } = await cms().GET('/api/cms/imports/{id}', { params: { path: { id } } });
      if (!live) return;
      if (data) setRun(data);
      if (!data || data.status === 'running') timer = setTimeout(() => void poll(), 500);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return run;
}
