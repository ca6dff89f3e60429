// useQuery for answers that belong to a key (area, range, sort…): `value` is only the answer for the current
// key, so figures for the previous area never pass for the new one while it loads.
import { useQuery } from '../../data/useQuery.ts';

export interface KeyedQuery<T> {
  /** The answer for the current key; undefined until it arrives. */
  value: T | undefined;
  /** The last answer, whatever key it was for (to keep a table on screen while it re-sorts). */
  last: T | undefined;
  lastKey: string | undefined;
  loading: boolean;
  /** The current key's failure (none while a new load is under way). */
  error: Error | null;
  reload: () => void;
}

export function useKeyedQuery<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): KeyedQuery<T> {
  const query = useQuery(
    async (signal) => ({ key: key ?? '', value: await load(signal) }),
    [key],
    key !== null,
  );
  const current = query.data && query.data.key === key ? query.data.value : undefined;
  return {
    value: current,
    last: query.data?.value,
    lastKey: query.data?.key,
    loading: query.loading,
    error: query.loading ? null : query.error,
    reload: query.reload,
  };
}
