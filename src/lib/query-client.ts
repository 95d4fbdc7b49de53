import { QueryClient } from '@tanstack/react-query';

/** Engine results are pure functions of their key: they never go stale on their own. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, gcTime: 5 * 60_000, retry: false, refetchOnWindowFocus: false },
    },
  });
}
