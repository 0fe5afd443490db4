import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWith, signedInClient } from '../../../test/render';
import { workOrderQuery } from '../api/workOrderQuery';
import { WorkOrderList } from './WorkOrderList';
import { workOrder } from '../../../test/workOrders';

describe('work-order list query', () => {
  it('sends only the filters that are set, trimmed, then the page', () => {
    expect(workOrderQuery({})).toBe('limit=20&offset=0');
    expect(workOrderQuery({ q: ' WO-1 ', status: 'inProgress', step: '', area: 'east', type: 'fault' }, 3)).toBe(
      'q=WO-1&status=inProgress&area=east&type=fault&limit=20&offset=40',
    );
  });
});

describe('work-order list', () => {
  it('builds the query from the search box and filters, and lists the rows', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchMock = vi.fn(async (url: string) =>
      url.startsWith('/api/work-orders?') ? jsonResponse(200, { total: 1, items: [workOrder()] }) : jsonResponse(404),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWith(<WorkOrderList />, { client: signedInClient() });
    const row = await screen.findByTestId('wo-row-w1');
    for (const text of ['WO-20261120-0001', 'Fault repair', 'Wang Fang', 'East', 'In progress', 'Assigned', '王师傅']) expect(row).toHaveTextContent(text);
    expect(fetchMock).toHaveBeenLastCalledWith('/api/work-orders?limit=20&offset=0', expect.anything());

    await user.type(screen.getByTestId('wo-search-input'), 'Wang{Enter}');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenLastCalledWith('/api/work-orders?q=Wang&limit=20&offset=0', expect.anything()));

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByTitle('Completed'));
    await vi.waitFor(() =>
      expect(fetchMock).toHaveBeenLastCalledWith('/api/work-orders?q=Wang&status=completed&limit=20&offset=0', expect.anything()),
    );
    await user.click(screen.getByRole('combobox', { name: 'Area' }));
    await user.click(await screen.findByTitle('West'));
    await vi.waitFor(() =>
      expect(fetchMock).toHaveBeenLastCalledWith('/api/work-orders?q=Wang&status=completed&area=west&limit=20&offset=0', expect.anything()),
    );
  });
});
