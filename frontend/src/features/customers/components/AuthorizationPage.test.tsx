import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { agentState, jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { AuthorizationPage } from './AuthorizationPage';

const owing = {
  id: 'C077',
  name: 'Wang Fang',
  phones: ['13911112222'],
  address: '8 River Street',
  area: 'binjiang',
  areaName: 'Binjiang',
  serviceType: 'bundle',
  level: 'normal',
  smartCard: '8001000100020003',
  arrears: 128.5,
  products: ['HD package'],
  status: 'suspended-arrears',
  createdOn: '2020-05-01',
};

describe('authorization (R-SVC-2)', { timeout: 30_000 }, () => {
  it('finds the customer, refuses re-authorising while suspended, grants temporary service, then re-authorises a modem', async () => {
    let history: unknown[] = [];
    let until: string | null = null;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/customers?q=')) return jsonResponse(200, [owing]);
      if (url === '/api/customers/C077') return jsonResponse(200, owing);
      if (url === '/api/customers/C077/authorizations' && (init?.method ?? 'GET') === 'GET')
        return jsonResponse(200, { customerId: 'C077', status: owing.status, temporaryUntil: until, changes: history.length, history });
      if (url === '/api/customers/C077/authorizations/temporary') {
        until = '2026-12-06T09:00:00Z';
        history = [{ customerId: 'C077', kind: 'temporary', device: null, identifier: null, days: 3, until, reason: 'Pays Friday', by: 'agent1', at: '2026-12-03T09:00:00Z' }, ...history];
        return jsonResponse(200, { customerId: 'C077', status: owing.status, temporaryUntil: until, changes: history.length, history });
      }
      if (url === '/api/customers/C077/authorizations/reauthorize') {
        history = [{ customerId: 'C077', kind: 'reauthorized', device: 'mac', identifier: '00:1A:2B:3C:4D:5E', days: null, until: null, reason: null, by: 'agent1', at: '2026-12-03T09:05:00Z' }, ...history];
        // the read model has not caught up with the temporary grant yet: the answer lists the new change only, and says 2
        return jsonResponse(200, { customerId: 'C077', status: owing.status, temporaryUntil: until, changes: history.length, history: history.slice(0, 1) });
      }
      return jsonResponse(200, []);
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderWith(<AuthorizationPage />, { client: signedInClient(me(['agent'], agentState({ state: 'ready' }))) });

    await user.type(screen.getByTestId('customer-search-input'), '王{Enter}'); // one surname is enough
    await user.click(await screen.findByTestId('customer-pick-C077'));
    expect(await screen.findByTestId('authorization-status')).toHaveTextContent(/suspended/i);
    expect(await screen.findByText('No authorisation changes yet.')).toBeInTheDocument();
    expect(screen.getByTestId('reauthorize-submit')).toBeDisabled(); // suspended: a temporary authorisation first

    await user.clear(screen.getByTestId('temporary-days'));
    await user.type(screen.getByTestId('temporary-days'), '3');
    await user.type(screen.getByTestId('temporary-reason'), 'Pays Friday');
    await user.click(screen.getByTestId('temporary-submit'));
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith('/api/customers/C077/authorizations/temporary', expect.objectContaining({ method: 'POST', body: JSON.stringify({ days: 3, reason: 'Pays Friday' }) })),
    );
    expect(await screen.findByTestId('authorization-temporary-until')).toBeInTheDocument();
    expect(screen.getByTestId('temporary-submit')).toBeDisabled(); // not stacked
    await waitFor(() => expect(screen.getByTestId('reauthorize-submit')).toBeEnabled());

    await user.click(within(screen.getByTestId('reauthorize-device')).getByText('Modem (MAC address)'));
    await user.type(await screen.findByTestId('reauthorize-mac'), '00-1a-2b-3c-4d-5e');
    await user.click(screen.getByTestId('reauthorize-submit'));
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith('/api/customers/C077/authorizations/reauthorize', expect.objectContaining({ method: 'POST', body: JSON.stringify({ device: 'mac', mac: '00-1a-2b-3c-4d-5e' }) })),
    );
    const rows = await waitFor(() => {
      const r = within(screen.getByTestId('authorization-history')).getAllByRole('row').slice(1);
      expect(r).toHaveLength(2);
      return r;
    }, { timeout: 5_000 }); // the answer listed the new change only: the history is asked for again until it lists both
    expect(rows[0]).toHaveTextContent('Re-authorised');
    expect(rows[0]).toHaveTextContent('00:1A:2B:3C:4D:5E');
    expect(rows[1]).toHaveTextContent('Temporary authorisation');
    expect(rows[1]).toHaveTextContent('3 days');
  });
});
