import type { AgentState } from '../../../shared/api/types';

export type SoftphoneAction =
  | 'answer'
  | 'hangUp'
  | 'hold'
  | 'retrieve'
  | 'mute'
  | 'transfer'
  | 'consult'
  | 'conference'
  | 'dial';

export const softphoneActions: readonly SoftphoneAction[] = [
  'answer',
  'hangUp',
  'hold',
  'retrieve',
  'mute',
  'transfer',
  'consult',
  'conference',
  'dial',
];

/** Alt+<key> shortcut per action (KeyboardEvent.code). */
export const softphoneShortcut: Record<SoftphoneAction, string> = {
  answer: 'KeyA',
  hangUp: 'KeyX',
  hold: 'KeyH',
  retrieve: 'KeyR',
  mute: 'KeyM',
  transfer: 'KeyT',
  consult: 'KeyC',
  conference: 'KeyK',
  dial: 'KeyP',
};

/**
 * Call control ships with the calls slice (call commands, ringing/held call state). Until then
 * every softphone button stays disabled; the per-state rules below are what it will enable.
 */
export const CALL_CONTROL_AVAILABLE = false;

export function isSoftphoneActionEnabled(action: SoftphoneAction, agent: AgentState | null | undefined): boolean {
  if (!CALL_CONTROL_AVAILABLE || !agent) return false;
  const onCall = agent.state === 'talking' && !!agent.currentCallId;
  switch (action) {
    case 'dial':
      return agent.state === 'ready' || agent.state === 'notReady' || agent.state === 'wrapUp';
    case 'answer':
      return false; // needs a ringing (offered) call: comes with the calls slice
    default:
      return onCall;
  }
}
