import { screen, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { MyWorkload } from './MyWorkload';

function setup(answer: () => Response) {
  const fetch = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetch);
  renderWith(<MyWorkload />, { client: signedInClient(me()) });
  return fetch;
}

describe('MyWorkload', () => {
  it('asks for my last 7 days and shows each figure formatted by its name', async () => {
    const fetch = setup(() => jsonResponse(200, { answered: 1234, talkSeconds: 3725, occupancyRate: 0.812 }));
    const card = await screen.findByTestId('my-workload');
    expect(await within(card).findByText('1,234')).toBeInTheDocument();
    expect(within(card).getByText('Answered')).toBeInTheDocument();
    expect(within(card).getByText('1:02:05')).toBeInTheDocument();
    expect(within(card).getByText('81.2%')).toBeInTheDocument();
    const [from, to] = [dayjs().subtract(6, 'day'), dayjs()].map((d) => d.format('YYYY-MM-DD'));
    expect(fetch).toHaveBeenCalledWith(`/api/me/workload?from=${from}&to=${to}`, expect.anything());
  });

  it('says plainly when the server has no workload report yet', async () => {
    setup(() => jsonResponse(404, { status: 404 }));
    expect(await screen.findByTestId('my-workload-unavailable')).toBeInTheDocument();
  });
});
