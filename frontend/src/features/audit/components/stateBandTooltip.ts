import { escapeHtml } from '../../../shared/ui/escapeHtml';
import { formatDuration } from '../../../shared/ui/formatDuration';
import type { AgentDay } from '../api/types';
import { centerClock } from './centerClock';

type Stretch = AgentDay['timeline'][number];

/**
 * The audit band's tooltip: ECharts takes a formatter's return value as HTML, so every piece of data in it is escaped
 * (a reason name is admin-entered text, issue 17). The only formatter in the SPA that returns HTML.
 */
export function stateBandTooltip(s: Stretch, stateName: (state: string) => string, reasonName: (code: string | null) => string): string {
  const reason = s.state === 'notReady' && s.reasonCode ? ` · ${reasonName(s.reasonCode)}` : '';
  const title = escapeHtml(`${stateName(s.state)}${reason}`);
  return `${title}<br/>${escapeHtml(`${centerClock(s.start)}–${centerClock(s.end)} (${formatDuration(s.durationMs)})`)}`;
}
