import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Announcement } from '../../../shared/api/types';
import { jsonResponse, renderWith } from '../../../test/render';
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
});
