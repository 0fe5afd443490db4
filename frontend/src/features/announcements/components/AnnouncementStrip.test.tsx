import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Announcement } from '../../../shared/api/types';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { waitFor } from '@testing-library/react';
import { AnnouncementStrip } from './AnnouncementStrip';

const ann = (id: number, urgent = false): Announcement => ({
  id: String(id),
  title: `Notice ${id}`,
  body: `Body of notice ${id}`,
  urgent,
  publishedAt: new Date(2025, 0, id).toISOString(),
});

describe('AnnouncementStrip', () => {
  it('shows three titles (urgent first, then newest) and the full list on "show all"', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, [ann(1), ann(2), ann(3, true), ann(4), ann(5)])));
    const user = userEvent.setup({ delay: null });
    renderWith(<AnnouncementStrip />);

    const titles = await screen.findAllByTestId('announcement-title');
    expect(titles.map((t) => t.textContent)).toEqual([
      expect.stringContaining('Notice 3'),
      expect.stringContaining('Notice 5'),
      expect.stringContaining('Notice 4'),
    ]);
    expect(screen.queryByText('Body of notice 5')).not.toBeInTheDocument();

    await user.click(screen.getByTestId('announcements-show-all'));
    const items = await screen.findAllByTestId('announcement-item');
    expect(items).toHaveLength(5);
    expect(within(items[0]).getByText('Urgent')).toBeInTheDocument();
    expect(screen.getByText('Body of notice 1')).toBeInTheDocument();
  });

  it('says so when there are none', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, [])));
    renderWith(<AnnouncementStrip />);
    expect(await screen.findByText('No announcements.')).toBeInTheDocument();
  });

  it('records the unread ones as read when the list is opened (R-ANN-1 read receipts)', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) =>
      url === '/api/announcements' ? jsonResponse(200, [{ ...ann(1), read: true }, { ...ann(2, true), read: false }]) : new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderWith(<AnnouncementStrip />, { client: signedInClient(me(['agent'], null)) });
    expect((await screen.findAllByTestId('announcement-title'))[0]).toHaveAttribute('data-read', 'false');
    expect(fetchMock.mock.calls.some((c) => String(c[0]).endsWith('/read'))).toBe(false);
    await user.click(screen.getByTestId('announcements-show-all'));
    await waitFor(() => expect(fetchMock.mock.calls.filter((c) => String(c[0]).endsWith('/read')).map((c) => c[0])).toEqual(['/api/announcements/2/read']));
  });
});
