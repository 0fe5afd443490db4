import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import { purposes, singlePop } from '../../../test/calls';
import { agentState, jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { StateControls } from '../../agents/components/StateControls';
import { TagPrompt } from './TagPrompt';

/** rc-select reads KeyboardEvent.which, which user-event leaves unset under jsdom. */
function pressEnter() {
  const target = document.activeElement as HTMLElement;
  fireEvent.keyDown(target, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
  fireEvent.keyUp(target, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 });
}

const untagged = agentState({ state: 'wrapUp', untaggedCallId: 'c1', revision: 10 });

function setup() {
  let tagged = false;
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/call-purposes') return jsonResponse(200, purposes);
    if (url === '/api/agents/agent1/ready' && init?.method === 'POST')
      return tagged
        ? jsonResponse(200, agentState({ state: 'ready', revision: 12 }))
        : jsonResponse(422, { status: 422, title: 'Rule violated', detail: 'Tag call c1 first (purpose and sub-type).' }, 'application/problem+json');
    if (url === '/api/calls/c1/tag' && init?.method === 'POST') {
      tagged = true;
      return jsonResponse(200, { callId: 'c1', purpose: 'consultation', subtype: 'billing', revision: 7 });
    }
    return jsonResponse(200, []);
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = signedInClient(me(['agent'], untagged));
  client.setQueryData(queryKeys.screenPop('c1'), singlePop('c1'));
  const user = userEvent.setup({ delay: null });
  renderWith(
    <>
      <StateControls />
      <TagPrompt />
    </>,
    { client },
  );
  return { fetchMock, user, client };
}

// the tests are slow under jsdom: antd selects and modals
describe('tag prompt (R-TAG-2)', { timeout: 30_000 }, () => {
  it('asks when a call is untagged; "ready" is refused (422, message shown) and brings the dialog back', async () => {
    const { fetchMock, user } = setup();
    expect(await screen.findByTestId('tag-dialog')).toBeInTheDocument();

    await user.click(screen.getByTestId('tag-later'));
    await waitFor(() => expect(screen.queryByTestId('tag-dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('btn-tag-call')).toBeInTheDocument();

    await user.click(screen.getByTestId('btn-ready'));
    expect(await screen.findByText('Tag call c1 first (purpose and sub-type).')).toBeInTheDocument();
    expect(await screen.findByTestId('tag-dialog')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/agents/agent1/ready', expect.objectContaining({ method: 'POST' }));
  });

  it('is keyboard-friendly: choose purpose and sub-type, Enter submits with the pop customer pre-selected; then ready works', async () => {
    const { fetchMock, user, client } = setup();
    await screen.findByTestId('tag-dialog');
    expect(screen.getByTestId('tag-customer')).toHaveTextContent('Wang Fang');
    await waitFor(() => expect(client.getQueryData(queryKeys.callPurposes)).toBeDefined());

    // purpose has the focus: type to filter, Enter picks and moves on to sub-type, the same; Enter saves
    await waitFor(() => expect(document.activeElement?.closest('[data-testid="tag-purpose"]')).toBeTruthy());
    await user.keyboard('Cons');
    await screen.findByRole('listbox');
    pressEnter();
    await waitFor(() => expect(screen.getByTestId('tag-purpose')).toHaveTextContent('Consultation'));
    await waitFor(() => expect(document.activeElement?.closest('[data-testid="tag-subtype"]')).toBeTruthy());
    await user.keyboard('bill');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-expanded', 'true'));
    pressEnter();
    await waitFor(() => expect(screen.getByTestId('tag-subtype')).toHaveTextContent('Billing'));
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-expanded', 'false'));
    pressEnter();

    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/calls/c1/tag', expect.objectContaining({ method: 'POST' })));
    const [, init] = fetchMock.mock.calls.find(([u]) => u === '/api/calls/c1/tag')!;
    expect(JSON.parse(String(init!.body))).toEqual({ purpose: 'consultation', subtype: 'billing', customerId: 'C001' });
    await waitFor(() => expect(screen.queryByTestId('tag-dialog')).not.toBeInTheDocument());
    expect(screen.queryByTestId('btn-tag-call')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('btn-ready'));
    await waitFor(() => expect(screen.getByTestId('btn-sign-out')).toBeEnabled()); // ready now
  });

  it('does not interrupt a call in progress, nor show when nothing is untagged', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, [])));
    renderWith(<TagPrompt />, { client: signedInClient(me(['agent'], agentState({ state: 'talking', untaggedCallId: 'c0' }))) });
    expect(screen.getByTestId('btn-tag-call')).toBeInTheDocument();
    expect(screen.queryByTestId('tag-dialog')).not.toBeInTheDocument();
  });
});
