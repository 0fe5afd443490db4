import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWith, signedInClient } from '../../../test/render';
import { DispatchForm } from './DispatchForm';

function setup(respond: () => Response, untagged = true) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => respond());
  vi.stubGlobal('fetch', fetchMock);
  renderWith(<DispatchForm callId="c1" customer={{ id: 'C001', name: 'Wang Fang' }} untagged={untagged} />, { client: signedInClient() });
  return fetchMock;
}

describe('dispatch form in the call tab (R-SVC-3)', () => {
  it('posts customer, type, description and the call; shows the serial and suggests the tag', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchMock = setup(() => jsonResponse(201, { id: 'w1', serial: 'WO-20261120-0007', revision: 0 }));
    expect(screen.getByTestId('wo-dispatch-customer')).toHaveTextContent('Wang Fang');

    await user.click(screen.getByText('Installation'));
    await user.type(screen.getByTestId('wo-dispatch-description'), '  New set-top box  ');
    await user.click(screen.getByTestId('wo-dispatch-submit'));

    const done = await screen.findByTestId('wo-dispatched');
    expect(done).toHaveAttribute('data-serial', 'WO-20261120-0007');
    expect(done).toHaveTextContent('Work order WO-20261120-0007 dispatched.');
    expect(screen.getByTestId('wo-tag-hint')).toHaveTextContent('Work order dispatched');
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/work-orders');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ customerId: 'C001', type: 'installation', description: 'New set-top box', callId: 'c1' });
  });

  it('needs a description before posting, and shows a field error from a 400', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchMock = setup(() => jsonResponse(400, { status: 400, errors: { Description: ['Describe the work (from the server).'] } }), false);
    await user.click(screen.getByTestId('wo-dispatch-submit'));
    expect(await screen.findByText('Describe the work (1 to 2000 characters)')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('wo-dispatch-description'), 'x{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Describe the work (from the server).')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('sends one Idempotency-Key until the dispatch succeeds: a retry after a lost answer creates one work order', async () => {
    const user = userEvent.setup({ delay: null });
    let calls = 0;
    const fetchMock = setup(() => (++calls === 1 ? jsonResponse(503, { status: 503, title: 'Unavailable' }) : jsonResponse(201, { id: 'w1', serial: 'WO-1', revision: 0 })));
    await user.type(screen.getByTestId('wo-dispatch-description'), 'No signal');
    await user.click(screen.getByTestId('wo-dispatch-submit'));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await user.click(screen.getByTestId('wo-dispatch-submit'));
    await screen.findByTestId('wo-dispatched');
    const keys = fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    await user.click(screen.getByTestId('wo-dispatch-another'));
    await user.type(screen.getByTestId('wo-dispatch-description'), 'Another');
    await user.click(screen.getByTestId('wo-dispatch-submit'));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(3));
    expect((fetchMock.mock.calls[2][1]?.headers as Record<string, string>)['Idempotency-Key']).not.toBe(keys[0]);
  });
});
