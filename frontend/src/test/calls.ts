import type { LiveCall, LiveParty, ScreenPop } from '../shared/api/callTypes';

export function party(agentId: string, state: LiveParty['state'], muted = false): LiveParty {
  return { agentId, state, muted, since: new Date(Date.now() - 5_000).toISOString() };
}

export function liveCall(callId: string, parties: LiveParty[], overrides: Partial<LiveCall> = {}): LiveCall {
  return {
    callId,
    direction: 'inbound',
    kind: 'inbound',
    ani: '13900000001',
    dnis: '96123',
    ivrTrail: ['1', '3'],
    queue: 'broadband',
    consultFor: null,
    startedAt: new Date(Date.now() - 30_000).toISOString(),
    ended: false,
    parties,
    ...overrides,
  };
}

export function singlePop(callId = 'c1', overrides: Partial<ScreenPop> = {}): ScreenPop {
  return {
    callId,
    aboutCallId: callId,
    agentId: 'agent1',
    ani: '13900000001',
    dnis: '96123',
    ivrTrail: ['1', '3'],
    match: 'single',
    customers: [
      { id: 'C001', name: 'Wang Fang', address: '12 Lake Road', area: 'xihu', areaName: 'Xihu', serviceType: 'bundle', level: 'gold' },
    ],
    customer: {
      id: 'C001',
      name: 'Wang Fang',
      address: '12 Lake Road',
      area: 'xihu',
      areaName: 'Xihu',
      serviceType: 'bundle',
      level: 'gold',
      phones: ['13900000001', '057188001234'],
    },
    business: { smartCard: '8571000012345678', arrears: 56.5, products: ['HD basic', '100M'], status: 'active' },
    recentCalls: [1, 2, 3, 4].map((i) => ({
      callId: `old${i}`,
      at: new Date(Date.UTC(2026, 10, 20 - i, 2, 0)).toISOString(),
      ani: '13900000001',
      ivrTrail: ['2'],
      purpose: 'repair',
      subtype: 'no-signal',
      agentId: 'agent3',
      agentName: 'Agent Three',
    })),
    recentWorkOrders: [1, 2, 3, 4].map((i) => ({
      id: `wo${i}`,
      serial: `WO-20261120-000${i}`,
      type: i % 2 ? 'fault' : 'installation',
      dispatchedAt: new Date(Date.UTC(2026, 10, 20 - i, 3, 0)).toISOString(),
      customerName: 'Wang Fang',
      area: 'xihu',
      areaName: 'Xihu',
      serviceType: 'bundle',
      status: i === 1 ? 'inProgress' : 'completed',
      currentStep: i === 1 ? 'onSite' : 'completed',
    })),
    ...overrides,
  };
}

export const purposes = [
  { code: 'consultation', name: 'Consultation', nameZh: '咨询', subtypes: ['billing', 'product'] },
  { code: 'repair', name: 'Repair', nameZh: '报修', subtypes: ['no-signal', 'set-top-box'] },
];
