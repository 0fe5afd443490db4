import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import { liveCall, party, purposes, singlePop } from '../../../test/calls';
import { jsonResponse, renderWith, signedInClient } from '../../../test/render';
import { CallPanel } from './CallPanel';

function renderPanel(routes: (url: string, init?: RequestInit) => Response | undefined) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/call-purposes') return jsonResponse(200, purposes);
    return routes(url, init) ?? jsonResponse(404, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = signedInClient();
  client.setQueryData(queryKeys.call('c1'), liveCall('c1', [party('agent1', 'ringing')]));
  const result = renderWith(
    <CallPanel callId="c1" renderSearch={(onPick) => <button data-testid="fake-search" onClick={() => onPick('C777')} />} />,
    { client },
  );
  return { ...result, fetchMock };
}

describe('call tab with the screen pop (R-POP-1…5)', () => {
  it('single match: caller, dialed number, IVR trail, queue; profile, business data, last 4 calls and work orders', async () => {
    renderPanel((url) => (url === '/api/calls/c1/screen-pop' ? jsonResponse(200, singlePop()) : undefined));

    expect(await screen.findByTestId('pop-customer-name')).toHaveTextContent('Wang Fang');
    expect(screen.getByTestId('pop-match')).toHaveAttribute('data-match', 'single');
    expect(within(screen.getByTestId('call-ani')).getByTestId('click-to-call')).toHaveTextContent('13900000001');
    expect(screen.getByTestId('call-dnis')).toHaveTextContent('96123');
    expect(screen.getByTestId('call-queue')).toHaveTextContent('broadband');
    expect(screen.getByTestId('call-state')).toHaveAttribute('data-state', 'ringing');
    expect(screen.getByTestId('call-answer')).toBeEnabled();
    const profile = screen.getByTestId('pop-profile');
    for (const text of ['12 Lake Road', 'Xihu', 'Cable TV + broadband', 'Gold']) expect(profile).toHaveTextContent(text);
    const business = screen.getByTestId('pop-business');
    for (const text of ['8571000012345678', '¥56.50', 'HD basic', 'Active']) expect(business).toHaveTextContent(text);
    expect(screen.getAllByTestId('pop-recent-call')).toHaveLength(4);
    await waitFor(() => expect(screen.getAllByTestId('pop-recent-call')[0]).toHaveTextContent('Repair / No signal'));
    expect(screen.getAllByTestId('pop-recent-call')[0]).toHaveTextContent('Agent Three');
    const orders = screen.getAllByTestId('pop-work-order');
    expect(orders).toHaveLength(4);
    expect(orders[0]).toHaveTextContent('WO-20261120-0001');
    expect(orders[0]).toHaveTextContent('Fault repair');
    expect(orders[0]).toHaveTextContent('In progress');
    expect(orders[0]).toHaveTextContent('On site');
  });

  it('multiple: lists up to 5 to choose from, then shows the chosen one (GET …/screen-pop?customerId=)', async () => {
    const user = userEvent.setup({ delay: null });
    const customers = [1, 2, 3, 4, 5, 6].map((i) => ({ ...singlePop().customers[0], id: `C00${i}`, name: `Customer ${i}` }));
    const { fetchMock, client } = renderPanel((url) => {
      if (url === '/api/calls/c1/screen-pop')
        return jsonResponse(200, singlePop('c1', { match: 'multiple', customers, customer: null, business: null, recentWorkOrders: [] }));
      if (url === '/api/calls/c1/screen-pop?customerId=C003')
        return jsonResponse(200, singlePop('c1', { customer: { ...singlePop().customer!, id: 'C003', name: 'Customer 3' } }));
      return undefined;
    });

    expect(await screen.findByTestId('pop-candidates')).toBeInTheDocument();
    expect(screen.getByTestId('pop-match')).toHaveAttribute('data-match', 'multiple');
    expect(screen.getAllByTestId('pop-candidate')).toHaveLength(5);
    expect(screen.queryByTestId('pop-work-orders')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('pop-choose-C003'));
    expect(await screen.findByTestId('pop-customer-name')).toHaveTextContent('Customer 3');
    expect(fetchMock).toHaveBeenCalledWith('/api/calls/c1/screen-pop?customerId=C003', expect.anything());
    expect(client.getQueryData(queryKeys.callCustomer('c1'))).toBe('C003'); // pre-selects the tag dialog

    await user.click(screen.getByTestId('pop-back-to-list'));
    expect(await screen.findByTestId('pop-candidates')).toBeInTheDocument();
  });

  it('none: says so and offers the customer search right there; a pick shows that customer', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel((url) => {
      if (url === '/api/calls/c1/screen-pop')
        return jsonResponse(200, singlePop('c1', { match: 'none', customers: [], customer: null, business: null, recentCalls: [], recentWorkOrders: [] }));
      if (url === '/api/calls/c1/screen-pop?customerId=C777')
        return jsonResponse(200, singlePop('c1', { customer: { ...singlePop().customer!, id: 'C777', name: 'Found By Search' } }));
      return undefined;
    });

    expect(await screen.findByTestId('pop-none')).toHaveTextContent('No customer found for this call');
    expect(screen.getByTestId('pop-match')).toHaveAttribute('data-match', 'none');
    await user.click(screen.getByTestId('fake-search'));
    expect(await screen.findByTestId('pop-customer-name')).toHaveTextContent('Found By Search');
  });

  it('uses the pushed pop without a request, and answers from the tab', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/calls/c1/answer') return jsonResponse(200, { callId: 'c1' });
      if (url === '/api/call-purposes') return jsonResponse(200, purposes);
      return jsonResponse(200, []);
    });
    vi.stubGlobal('fetch', fetchMock);
    const client = signedInClient();
    client.setQueryData(queryKeys.call('c1'), liveCall('c1', [party('agent1', 'ringing')]));
    client.setQueryData(queryKeys.screenPop('c1'), singlePop());
    renderWith(<CallPanel callId="c1" renderSearch={() => null} />, { client });

    expect(screen.getByTestId('pop-customer-name')).toHaveTextContent('Wang Fang');
    await user.click(screen.getByTestId('call-answer'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/calls/c1/answer', expect.objectContaining({ method: 'POST' })));
    expect(fetchMock.mock.calls.some(([u]) => String(u).includes('screen-pop'))).toBe(false);

    act(() => client.setQueryData(queryKeys.call('c1'), liveCall('c1', [party('agent1', 'talking')])));
    await waitFor(() => expect(screen.getByTestId('call-state')).toHaveAttribute('data-state', 'talking'));
    expect(screen.queryByTestId('call-answer')).not.toBeInTheDocument();
  });
});

describe('call direction (issue 16: outbound calls were labelled "incoming")', () => {
  it.each([
    ['en', 'Outbound', 'Number called', 'Call to 13800001111'],
    ['zh-CN', '呼出', '呼出号码', '去电 13800001111'],
  ] as const)('an outbound call reads as outbound in %s: direction, the number called, the tab title', async (language, direction, label, title) => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/api/calls/o1/screen-pop' ? jsonResponse(200, singlePop('o1', { ani: '13800001111' })) : jsonResponse(200, []))));
    const client = signedInClient();
    client.setQueryData(queryKeys.call('o1'), liveCall('o1', [party('agent1', 'talking')], { direction: 'outbound', kind: 'outbound', ani: '13800001111', dnis: null, ivrTrail: [], queue: null }));
    const { CallTabLabel } = await import('./CallTabLabel');
    renderWith(
      <>
        <CallTabLabel callId="o1" />
        <CallPanel callId="o1" renderSearch={() => null} />
      </>,
      { client, language },
    );
    expect(await screen.findByTestId('call-direction')).toHaveTextContent(direction);
    expect(screen.getByTestId('call-header')).toHaveTextContent(label);
    expect(screen.queryByTestId('call-dnis')).not.toBeInTheDocument();
    expect(screen.getByTestId('call-tab-o1')).toHaveAttribute('title', title);
    expect(screen.getByTestId('call-header')).not.toHaveTextContent(language === 'en' ? /incoming|caller/i : /来电|主叫/);
  });
});
