/** Telephony contract types (docs/telephony.md): live calls, screen pops, customers, purposes. */

export type LegState = 'ringing' | 'talking' | 'held' | 'left';
export type CallDirection = 'inbound' | 'outbound' | 'internal';
/** inbound | outbound | internal | consult | help */
export type CallKind = string;

export interface LiveParty {
  agentId: string;
  state: LegState;
  muted: boolean;
  since: string;
}

/** A call in progress (`callChanged` push and GET /api/agents/{id}/calls). */
export interface LiveCall {
  callId: string;
  direction: CallDirection;
  kind: CallKind;
  ani: string | null;
  dnis: string | null;
  ivrTrail: string[];
  queue: string | null;
  /** For consult/help calls: the held customer call it is about. */
  consultFor: string | null;
  startedAt: string;
  ended: boolean;
  parties: LiveParty[];
  position?: number | null;
  expectedWaitSeconds?: number | null;
  /** A supervisor on the call (R-SUP); the agents never see a silent monitor. */
  supervisor?: LiveSupervisor | null;
}

export type SupervisionMode = 'monitor' | 'whisper' | 'barge' | 'intercept';

export interface LiveSupervisor {
  supervisorId: string;
  mode: SupervisionMode;
  since: string;
}

export type PopMatch = 'single' | 'multiple' | 'none';

export interface CustomerSummary {
  id: string;
  name: string;
  address: string;
  area: string;
  areaName: string;
  serviceType: string;
  level: string;
}

export interface CustomerProfile extends CustomerSummary {
  phones: string[];
}

export interface BusinessData {
  smartCard: string | null;
  arrears: number;
  products: string[];
  status: string;
}

export interface RecentCall {
  callId: string;
  at: string;
  ani: string | null;
  ivrTrail: string[];
  purpose: string | null;
  subtype: string | null;
  agentId: string | null;
  agentName: string | null;
}

export interface RecentWorkOrder {
  id: string;
  serial: string;
  type: string;
  dispatchedAt: string;
  customerName: string;
  area: string;
  areaName: string;
  serviceType: string;
  status: string;
  currentStep: string;
}

/** GET /api/calls/{callId}/screen-pop and the `screenPop` push (R-POP-1…5). */
export interface ScreenPop {
  callId: string;
  /** The customer call the pop is about (differs for consult/help calls). */
  aboutCallId: string;
  agentId: string | null;
  ani: string | null;
  dnis: string | null;
  ivrTrail: string[];
  match: PopMatch;
  customers: CustomerSummary[];
  customer: CustomerProfile | null;
  business: BusinessData | null;
  recentCalls: RecentCall[];
  recentWorkOrders: RecentWorkOrder[];
}

/** GET /api/customers?q= */
export interface Customer extends CustomerProfile, BusinessData {
  createdOn: string;
}

/** GET /api/call-purposes */
export interface CallPurpose {
  code: string;
  name: string;
  nameZh?: string | null;
  subtypes: string[];
  active?: boolean;
}

export interface CallRef {
  callId: string;
}
