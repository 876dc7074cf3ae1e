// Loads data in the browser (the studio renders no data on the server: it needs the editor's token).
// Reloads when `key` changes (e.g. the URL's query); a stale answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type Problem } from './cms';

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | undefined;
  loading: boolean;
  reload: () => void;
  set: (data: T) => void;
}

export function useLoad<T>(key: string, load: () => Promise<{ data?: T; error?: unknown; response: Response }>): Loaded<T> {
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const call = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      ({ data, error, response }) => {
        if (call !== latest.current) return;
        setState(data !== undefined && response.ok ? { data, loading: false } : { problem: problemOf(error, response), loading: false });
      },
      (error: unknown) => call === latest.current && setState({ problem: problemOf(error), loading: false }),
    );
  }, [key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { data: state.data, problem: state.problem, loading: state.loading, reload, set };
}
