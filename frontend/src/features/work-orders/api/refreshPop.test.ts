import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { singlePop } from '../../../test/calls';
import type { RecentWorkOrder, ScreenPop } from '../../../shared/api/callTypes';
import { refreshPopUntilListed } from './useWorkOrderCommands';

describe('the pop after a dispatch', () => {
  it('refetches the call’s pop until its recent work orders list the dispatched one', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wo = { id: 'wo-9', serial: 'WO-1' } as RecentWorkOrder;
    let fetches = 0;
    const queryFn = vi.fn(async (): Promise<ScreenPop> => {
      fetches++;
      return singlePop('c1', { recentWorkOrders: fetches >= 3 ? [wo] : [] }); // the read model catches up on the 3rd read
    });
    const observer = new QueryObserver(client, { queryKey: ['screen-pop', 'c1', null], queryFn });
    const unsubscribe = observer.subscribe(() => {});
    await vi.waitFor(() => expect(fetches).toBe(1));

    await refreshPopUntilListed(client, 'c1', 'wo-9', 8, 1);
    expect(client.getQueryData<ScreenPop>(['screen-pop', 'c1', null])!.recentWorkOrders.map((w) => w.id)).toEqual(['wo-9']);
    expect(fetches).toBe(3); // and no more once it is there
    unsubscribe();
  });
});
