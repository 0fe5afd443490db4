import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import { me, renderWith, testQueryClient } from '../../../test/render';
import type { QaForm, QaReview } from '../api/qa';
import { MyQaScores } from './MyQaScores';
import { QaReviews } from './QaReviews';

const form: QaForm = {
  id: 'basics', name: 'Hotline basics', maxPoints: 100, definedAt: '2026-12-03T02:00:00+00:00',
  sections: [
    { name: 'Opening', items: [{ id: 'greet', text: 'Greets', weight: 10, failing: false }] },
    { name: 'Handling', items: [{ id: 'verify', text: 'Verifies', weight: 30, failing: true }, { id: 'solve', text: 'Solves', weight: 60, failing: false }] },
  ],
};
const sampled: QaReview = {
  callId: 'SIM-1', agentId: 'agent1', team: 'team-1', status: 'sampled', sampledAt: '2026-12-03T02:00:00+00:00', formId: null, formName: null, reviewer: null,
  points: null, maxPoints: null, failed: null, score: null, answers: null, comments: null, scoredAt: null, disputedAt: null, disputeReason: null,
  audioUrl: '/api/recordings/SIM-1/audio',
};
const scored: QaReview = { ...sampled, status: 'scored', formId: 'basics', formName: 'Hotline basics', reviewer: 'qa1', points: 80, maxPoints: 100, failed: false,
  score: 80, comments: [{ second: 65, text: 'Did not repeat the number' }], scoredAt: '2026-12-03T03:00:00+00:00' };

function setup(element: React.ReactElement, roles: Parameters<typeof me>[0], language: 'en' | 'zh-CN' = 'en') {
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = url.startsWith('/api/qa/reviews?') ? [sampled] : url === '/api/qa/forms' ? [form] : url === '/api/qa/my-reviews' ? [scored]
      : url.endsWith('/score') ? { score: 80 } : url.endsWith('/dispute') ? { disputed: true } : [];
    void init;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  const client = testQueryClient();
  client.setQueryData(queryKeys.me, me(roles));
  renderWith(element, { client, language });
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('quality inspection', () => {
  it('QA scores a sampled call: every item at its weight until changed, the total, a comment at the moment', async () => {
    const user = userEvent.setup({ delay: null });
    const fetch = setup(<QaReviews />, ['qa' as never]);
    await user.click(await screen.findByTestId('qa-score-SIM-1'));
    expect(await screen.findByTestId('qa-total')).toHaveTextContent('100 / 100');
    const solve = screen.getByTestId('qa-points-solve');
    const input = solve instanceof HTMLInputElement ? solve : solve.querySelector('input')!;
    await user.clear(input);
    await user.type(input, '40');
    await waitFor(() => expect(screen.getByTestId('qa-total')).toHaveTextContent('80 / 100'));
    await user.type(screen.getByTestId('qa-comment-text'), 'Too fast');
    await user.click(screen.getByTestId('qa-comment-add'));
    await user.click(screen.getByTestId('qa-score-submit'));
    await waitFor(() => expect(fetch.mock.calls.some((c) => String(c[0]) === '/api/qa/reviews/SIM-1/score')).toBe(true));
    const sent = JSON.parse(String(fetch.mock.calls.find((c) => String(c[0]) === '/api/qa/reviews/SIM-1/score')![1]!.body));
    expect(sent).toEqual({
      formId: 'basics',
      answers: [{ itemId: 'greet', points: 10 }, { itemId: 'verify', points: 30 }, { itemId: 'solve', points: 40 }],
      comments: [{ second: 0, text: 'Too fast' }],
    });
  }, 60_000);

  it('the agent sees the score and the comment at its moment, and disputes it, in Chinese', async () => {
    const user = userEvent.setup({ delay: null });
    const fetch = setup(<MyQaScores />, ['agent'], 'zh-CN');
    expect(await screen.findByTestId('my-qa-score-SIM-1')).toHaveTextContent('80');
    expect(screen.getByText('1:05')).toBeInTheDocument();
    await user.click(screen.getByTestId('my-qa-dispute-SIM-1'));
    await user.type(await screen.findByTestId('my-qa-dispute-reason'), '我复述了');
    await user.click(screen.getByTestId('my-qa-dispute-submit'));
    await waitFor(() => expect(fetch.mock.calls.some((c) => String(c[0]) === '/api/qa/reviews/SIM-1/dispute')).toBe(true));
  }, 60_000);
});
