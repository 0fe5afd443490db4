import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { agentState, jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { CustomerSearch } from './CustomerSearch';

const customer = {
  id: 'C042',
  name: 'Li Lei',
  phones: ['13911112222'],
  address: '8 River Street',
  area: 'binjiang',
  areaName: 'Binjiang',
  serviceType: 'broadband',
  level: 'vip',
  smartCard: null,
  arrears: 0,
  products: ['200M'],
  status: 'active',
  createdOn: '2020-05-01',
};

describe('customer search (R-SVC-1)', { timeout: 30_000 }, () => {
  it('searches GET /api/customers?q= and calls a phone number with one click (R-PHONE-6)', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      if (url.startsWith('/api/customers?q=')) return jsonResponse(200, [customer]);
      if (url === '/api/calls/dial') return jsonResponse(200, { callId: 'out1' });
      return jsonResponse(200, []);
    });
    vi.stubGlobal('fetch', fetchMock);
    const onPick = vi.fn();
    const user = userEvent.setup({ delay: null });
    renderWith(<CustomerSearch onPick={onPick} />, { client: signedInClient(me(['agent'], agentState({ state: 'ready' }))) });

    await user.type(screen.getByTestId('customer-search-input'), 'li lei{Enter}');
    const row = await screen.findByTestId('customer-row-C042');
    expect(fetchMock).toHaveBeenCalledWith('/api/customers?q=li%20lei&take=20', expect.anything());
    expect(row).toHaveTextContent('Binjiang');
    expect(row).toHaveTextContent('VIP');

    await user.click(within(row).getByTestId('click-to-call'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/calls/dial', expect.objectContaining({ method: 'POST', body: JSON.stringify({ number: '13911112222' }) })));

    await user.click(within(row).getByTestId('customer-pick-C042'));
    expect(onPick).toHaveBeenCalledWith('C042');
  });
});

describe('customer details in the tender’s tabs (R-SVC-1)', { timeout: 30_000 }, () => {
  it('one surname searches; a result row opens business data, products, arrears and changes', async () => {
    const owing = { ...customer, status: 'suspended-arrears', arrears: 88, products: ['200M', 'HD'] };
    const fetchMock = vi.fn(async (url: string) => {
      if (url.startsWith('/api/customers?q=')) return jsonResponse(200, [owing]);
      if (url === '/api/customers/C042/authorizations')
        return jsonResponse(200, { customerId: 'C042', status: owing.status, temporaryUntil: null, changes: 1, history: [
          { customerId: 'C042', kind: 'reauthorized', device: 'smart-card', identifier: '8001000100020003', days: null, until: null, reason: 'Lost signal', by: 'agent2', at: '2026-12-01T02:00:00Z' },
        ] });
      return jsonResponse(200, []);
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderWith(<CustomerSearch />, { client: signedInClient(me(['agent'], agentState({ state: 'ready' }))) });

    await user.type(screen.getByTestId('customer-search-input'), 'l{Enter}');
    expect(await screen.findByText('Type a Chinese surname or at least 2 characters.')).toBeInTheDocument();
    await user.clear(screen.getByTestId('customer-search-input'));
    await user.type(screen.getByTestId('customer-search-input'), '李{Enter}');
    const row = await screen.findByTestId('customer-row-C042');
    expect(fetchMock).toHaveBeenCalledWith(`/api/customers?q=${encodeURIComponent('李')}&take=20`, expect.anything());

    await user.click(within(row).getByRole('button', { name: /expand/i }));
    const details = await screen.findByTestId('customer-details-C042');
    for (const tab of ['Business data', 'Products (2)', 'Arrears', 'Changes']) expect(within(details).getByRole('tab', { name: tab })).toBeInTheDocument();
    await user.click(within(details).getByRole('tab', { name: 'Arrears' }));
    expect(await within(details).findByTestId('customer-arrears')).toHaveTextContent('¥88.00');
    expect(within(details).getByTestId('customer-arrears')).toHaveTextContent('Suspended for arrears.');
    await user.click(within(details).getByRole('tab', { name: 'Changes' }));
    expect(await within(details).findByText('8001000100020003', { exact: false })).toBeInTheDocument();
    expect(within(details).getByText('Lost signal')).toBeInTheDocument();
  });
});
