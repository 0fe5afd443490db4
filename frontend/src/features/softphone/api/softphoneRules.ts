import type { LiveCall, LiveParty } from '../../../shared/api/callTypes';
import type { AgentState } from '../../../shared/api/types';

export type SoftphoneAction =
  | 'answer'
  | 'hangUp'
  | 'hold'
  | 'retrieve'
  | 'mute'
  | 'unmute'
  | 'dial'
  | 'consult'
  | 'transfer'
  | 'conference'
  | 'connectRelease'
  | 'help'
  | 'pickUp';

/** Toolbar order; mute/unmute share one slot (whichever fits the call is shown). */
export const softphoneActions: readonly SoftphoneAction[] = [
  'answer',
  'hangUp',
  'hold',
  'retrieve',
  'mute',
  'dial',
  'consult',
  'transfer',
  'conference',
  'connectRelease',
  'help',
  'pickUp',
];

/** data-testid per action (documented in frontend/README.md). */
export const softphoneTestId: Record<SoftphoneAction, string> = {
  answer: 'btn-answer',
  hangUp: 'btn-hang-up',
  hold: 'btn-hold',
  retrieve: 'btn-retrieve',
  mute: 'btn-mute',
  unmute: 'btn-unmute',
  dial: 'btn-dial',
  consult: 'btn-consult',
  transfer: 'btn-transfer',
  conference: 'btn-conference',
  connectRelease: 'btn-connect-release',
  help: 'btn-help',
  pickUp: 'btn-pick-up',
};

/**
 * Alt+<key> shortcuts per action (KeyboardEvent.code); the first is the one shown. Alt+H holds a
 * talking call and retrieves a held one; Alt+M mutes and unmutes. Pairs never are enabled together.
 */
export const softphoneShortcuts: Record<SoftphoneAction, readonly string[]> = {
  answer: ['KeyA'],
  hangUp: ['KeyX'],
  hold: ['KeyH'],
  retrieve: ['KeyH', 'KeyR'],
  mute: ['KeyM'],
  unmute: ['KeyM'],
  dial: ['KeyP'],
  consult: ['KeyC'],
  transfer: ['KeyT'],
  conference: ['KeyK'],
  connectRelease: ['KeyL'],
  help: ['KeyE'],
  pickUp: ['KeyU'],
};

const consultKinds = new Set(['consult', 'help']);
export const isConsultCall = (call: LiveCall) => consultKinds.has(call.kind) || !!call.consultFor;

/** My calls sorted out by my leg on each: what rings, what I talk on, what I hold, my consultation. */
export interface CallSituation {
  ringing?: LiveCall;
  talking?: LiveCall;
  held?: LiveCall;
  muted: boolean;
  /** I hold `call` and talk on `consultCall` about it (consult or internal help). */
  consultation?: { call: LiveCall; consultCall: LiveCall; answered: boolean };
}

export function legOf(call: LiveCall, agentId: string): LiveParty | undefined {
  return call.parties.find((p) => p.agentId === agentId && p.state !== 'left');
}

export function callSituation(calls: readonly LiveCall[], agentId: string): CallSituation {
  const live = calls.filter((c) => !c.ended);
  const withLeg = (state: LiveParty['state']) => live.filter((c) => legOf(c, agentId)?.state === state);
  const ringing = withLeg('ringing').at(-1);
  const talking = withLeg('talking').at(-1);
  const heldCalls = withLeg('held');
  const held = heldCalls.at(-1);
  const situation: CallSituation = { ringing, talking, held, muted: !!(talking && legOf(talking, agentId)?.muted) };
  for (const consultCall of live) {
    if (!consultCall.consultFor || !legOf(consultCall, agentId)) continue;
    const call = heldCalls.find((c) => c.callId === consultCall.consultFor);
    if (!call) continue;
    const others = consultCall.parties.filter((p) => p.agentId !== agentId && p.state !== 'left');
    // an external number has no party of ours: it counts as answered once dialed
    const answered = others.length === 0 || others.some((p) => p.state === 'talking');
    situation.consultation = { call, consultCall, answered };
  }
  return situation;
}

/** Whether a button is enabled, and on which call(s) it acts. */
export interface ActionPlan {
  enabled: boolean;
  callId?: string;
  consultCallId?: string;
}

const off: ActionPlan = { enabled: false };
const on = (callId?: string, consultCallId?: string): ActionPlan => ({ enabled: true, callId, consultCallId });

/**
 * Which softphone buttons make sense in the agent's call situation (R-PHONE-3…11). The PBX has
 * the last word (422); this keeps pointless buttons disabled and picks the call a button acts on.
 */
export function planAction(
  action: SoftphoneAction,
  s: CallSituation,
  agent: AgentState | null | undefined,
): ActionPlan {
  const signedIn = !!agent && agent.state !== 'signedOut';
  const customerCall = [s.talking, s.held].find((c) => c && !isConsultCall(c));
  const consultation = s.consultation;
  switch (action) {
    case 'answer':
      return s.ringing ? on(s.ringing.callId) : off;
    case 'hangUp': {
      const call = s.talking ?? s.ringing ?? s.held;
      return call ? on(call.callId) : off;
    }
    case 'hold':
      return s.talking ? on(s.talking.callId) : off;
    case 'retrieve':
      return !s.talking && s.held ? on(s.held.callId) : off;
    case 'mute':
      return s.talking && !s.muted ? on(s.talking.callId) : off;
    case 'unmute':
      return s.talking && s.muted ? on(s.talking.callId) : off;
    case 'dial':
    case 'pickUp':
      return signedIn && !s.talking ? on() : off;
    case 'consult':
    case 'help':
      return customerCall && !consultation ? on(customerCall.callId) : off;
    case 'transfer':
      if (consultation) return consultation.answered ? on(consultation.call.callId, consultation.consultCall.callId) : off;
      return s.talking && !isConsultCall(s.talking) ? on(s.talking.callId) : off;
    case 'conference':
    case 'connectRelease':
      return consultation?.answered ? on(consultation.call.callId, consultation.consultCall.callId) : off;
  }
}
