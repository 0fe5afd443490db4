import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/api/types';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { nextSteps } from '../api/nextSteps';
import type { WorkOrderDetail, WorkOrderStepKey } from '../api/types';
import { workOrder } from '../../../test/workOrders';
import { WorkOrderDetailView } from './WorkOrderDetailView';

const teams = [
  { id: 'team-east', name: '城东维修队', area: 'east', technicians: [{ id: 'tech-east-1', name: '王师傅', team: 'team-east' }, { id: 'tech-east-2', name: '李师傅', team: 'team-east' }] },
];

function renderDetail(step: WorkOrderStepKey, roles: Role[], onPost?: (url: string, body: unknown) => Response) {
  const status = step === 'closed' ? 'closed' : step === 'completed' ? 'completed' : 'inProgress';
  const detail: WorkOrderDetail = {
    workOrder: workOrder({ currentStep: step, status }),
    steps: [
      { revision: 0, step: 'dispatched', at: '2026-11-20T01:00:00Z', by: 'agent1', technician: null, technicianName: null, team: null, teamName: null, result: null, note: null, reason: null },
      { revision: 1, step: 'reassigned', at: '2026-11-20T01:10:00Z', by: 'admin', technician: 'tech-east-1', technicianName: '王师傅', team: 'team-east', teamName: '城东维修队', result: null, note: null, reason: 'Closer to the site' },
    ],
  };
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') return onPost?.(url, JSON.parse(String(init.body))) ?? jsonResponse(500);
    if (url === '/api/work-orders/w1') return jsonResponse(200, detail);
    if (url === '/api/work-orders/teams') return jsonResponse(200, teams);
    return jsonResponse(404);
  });
  vi.stubGlobal('fetch', fetchMock);
  renderWith(<WorkOrderDetailView id="w1" />, { client: signedInClient(me(roles)) });
  return fetchMock;
}

const shownActions = () => [...(screen.queryByTestId('wo-actions')?.querySelectorAll('[data-testid^="wo-action-"]') ?? [])].map((b) => b.getAttribute('data-testid'));

describe('next allowed steps (R-WO-2)', () => {
  it.each([
    ['dispatched', false, ['assign']],
    ['assigned', false, ['accept']],
    ['assigned', true, ['accept', 'reassign']],
    ['accepted', false, ['arrive']],
    ['onSite', true, ['complete', 'reassign']],
    ['completed', false, []],
    ['completed', true, ['close']],
    ['closed', true, []],
  ] as const)('at %s (admin: %s) offers %j', (step, admin, expected) => {
    expect(nextSteps(step, admin)).toEqual(expected);
  });
});

describe('work-order detail', () => {
  it('shows the fields, the timeline with who, when and reason, and only the allowed buttons (agent)', async () => {
    renderDetail('assigned', ['agent']);
    expect(await screen.findByTestId('wo-detail')).toHaveAttribute('data-step', 'assigned');
    expect(screen.getByTestId('wo-detail-serial')).toHaveTextContent('WO-20261120-0001');
    const items = screen.getAllByTestId('wo-timeline-item');
    expect(items.map((i) => i.getAttribute('data-step'))).toEqual(['dispatched', 'reassigned']);
    expect(items[1]).toHaveTextContent('by admin');
    expect(items[1]).toHaveTextContent('王师傅 · 城东维修队');
    expect(items[1]).toHaveTextContent('Reason: Closer to the site');
    expect(shownActions()).toEqual(['wo-action-accept']);
  });

  it('an admin at "completed" sees only "confirm and close"', async () => {
    renderDetail('completed', ['admin']);
    await screen.findByTestId('wo-detail');
    expect(shownActions()).toEqual(['wo-action-close']);
  });

  it('nothing to do for an agent at "completed"', async () => {
    renderDetail('completed', ['agent']);
    await screen.findByTestId('wo-detail');
    expect(shownActions()).toEqual([]);
  });

  it('assign posts the team and the technician chosen in the dialog', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchMock = renderDetail('dispatched', ['agent'], () =>
      jsonResponse(200, { id: 'w1', status: 'inProgress', currentStep: 'assigned', technician: 'tech-east-2', team: 'team-east', revision: 1 }),
    );
    await user.click(await screen.findByTestId('wo-action-assign'));
    const dialog = await screen.findByTestId('wo-step-dialog');
    await user.click(within(dialog).getByRole('combobox', { name: 'Technician' }));
    await user.click(await screen.findByTitle('李师傅'));
    await user.click(screen.getByTestId('wo-step-submit'));
    await vi.waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(url).toBe('/api/work-orders/w1/assign');
    expect(JSON.parse(String(init!.body))).toEqual({ team: 'team-east', technician: 'tech-east-2' });
  });

  it('a 422 out of order is shown as a message', async () => {
    const user = userEvent.setup({ delay: null });
    renderDetail('accepted', ['agent'], () =>
      jsonResponse(422, { status: 422, detail: 'Cannot arrive on site for work order WO-20261120-0001 at step \'assigned\'.' }),
    );
    await user.click(await screen.findByTestId('wo-action-arrive'));
    expect(await screen.findByText(/Cannot arrive on site/)).toBeInTheDocument();
  });
});
