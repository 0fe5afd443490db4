import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { ReportsPage } from './ReportsPage';
import { oneTimeFix, oneTimeFixRows, queueTime } from './testReports';

type Answer = (url: string) => Response | Promise<Response>;

function setup(answer: Answer = () => jsonResponse(200, oneTimeFixRows), initialReport?: string, language: 'en' | 'zh-CN' = 'en') {
  const fetch = vi.fn(async (url: string) => (url === '/api/reports' ? jsonResponse(200, [oneTimeFix, queueTime]) : answer(url)));
  vi.stubGlobal('fetch', fetch);
  const view = renderWith(<ReportsPage initialReport={initialReport} />, { client: signedInClient(me(['analyst'], null)), language });
  const reportCalls = () => fetch.mock.calls.map(([url]) => url).filter((url) => url.startsWith('/api/reports/'));
  return { ...view, fetch, reportCalls };
}

const from = dayjs().subtract(6, 'day').format('YYYY-MM-DD');
const to = dayjs().format('YYYY-MM-DD');

/** Opens an antd select by its form label and picks an option by its text. */
async function choose(user: ReturnType<typeof userEvent.setup>, combobox: HTMLElement, option: string) {
  await user.click(combobox);
  const options = await screen.findAllByRole('option');
  const target = options.find((o) => o.textContent === option) ?? (await screen.findByTitle(option));
  await user.click(target);
}

describe('ReportsPage', () => {
  it('renders the chart and a formatted, sortable table from the report definition', async () => {
    const user = userEvent.setup({ delay: null });
    setup();
    expect(await screen.findByTestId('report-title')).toHaveTextContent('One-time-fix rate');
    const table = await screen.findByTestId('report-table');
    expect(within(table).getByRole('columnheader', { name: /Called again/ })).toBeInTheDocument();
    expect(within(table).getByText('93.4%')).toBeInTheDocument();
    expect(within(table).getByText('Unknown')).toBeInTheDocument();
    expect(within(table).getAllByText('—')).toHaveLength(1); // the unknown group's rate
    await waitFor(() => expect(screen.getByTestId('report-chart').querySelector('svg')).not.toBeNull());
    expect(screen.getByTestId('report-chart')).toHaveAttribute('data-chart', 'bar');
    expect(screen.getByTestId('report-count')).toHaveTextContent('3 rows');

    await user.click(within(table).getByRole('columnheader', { name: /Rate/ }));
    const rates = () => [...table.querySelectorAll('tbody td[data-column="rate"]')].map((td) => td.textContent);
    expect(rates()).toEqual(['75.0%', '93.4%', '—']);
  });

  it('asks for the last 7 days grouped by the first grouping, then for what the analyst picks', async () => {
    const user = userEvent.setup({ delay: null });
    const { reportCalls } = setup();
    await screen.findByTestId('report-table');
    expect(reportCalls()).toEqual([`/api/reports/one-time-fix-rate?from=${from}&to=${to}&groupBy=day`]);

    await choose(user, screen.getByRole('combobox', { name: 'Group by' }), 'Agent');
    await waitFor(() => expect(reportCalls()).toContain(`/api/reports/one-time-fix-rate?from=${from}&to=${to}&groupBy=agent`));

    await choose(user, screen.getByRole('combobox', { name: 'Report' }), 'Queue time');
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Queue time');
    await user.type(screen.getByLabelText('Skill group', { selector: 'input' }), ' vip {Enter}');
    await waitFor(() =>
      expect(reportCalls()).toContain(`/api/reports/queue-time?from=${from}&to=${to}&groupBy=day&skillGroup=vip`),
    );
  });

  it('offers a closed-set filter as a list and asks again with the choice (slFormula)', async () => {
    const user = userEvent.setup({ delay: null });
    const { reportCalls } = setup(undefined, 'queue-time');
    expect(await screen.findByTestId('report-title')).toHaveTextContent('Queue time');
    const formula = screen.getByRole('combobox', { name: 'Service-level formula' });
    expect(formula.closest('.ant-select')).toHaveTextContent('Within T / (answered + abandoned after T)');
    await choose(user, formula, 'Within T / answered');
    await waitFor(() =>
      expect(reportCalls()).toContain(`/api/reports/queue-time?from=${from}&to=${to}&groupBy=day&slFormula=answered`),
    );
  });

  it('shows a 400 field error next to the field at fault', async () => {
    setup(() => jsonResponse(400, { status: 400, title: 'One or more validation errors occurred.', errors: { GroupBy: ['groupBy must be one of day, agent.'], from: ['from is required.'] } }));
    const message = await screen.findByText('groupBy must be one of day, agent.');
    expect(message.closest('.ant-form-item')).toContainElement(screen.getByRole('combobox', { name: 'Group by' }));
    expect(screen.getByText('from is required.').closest('.ant-form-item')).toContainElement(screen.getByLabelText('Time range'));
    expect(screen.queryByTestId('report-error')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-empty')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-fix-fields')).toHaveTextContent('Correct the marked field');
  });

  it('says so above the chart when a report fails for another reason', async () => {
    setup(() => jsonResponse(500, { status: 500, title: 'Server error', detail: 'The read model is rebuilding.' }));
    expect(await screen.findByTestId('report-error')).toHaveTextContent('The read model is rebuilding.');
  });

  it('shows an empty state for a range without rows', async () => {
    setup(() => jsonResponse(200, []));
    expect(await screen.findByTestId('report-empty')).toHaveTextContent('No data in this time range.');
    expect(screen.queryByTestId('report-table')).not.toBeInTheDocument();
  });

  it('downloads the Excel file of the same query', async () => {
    const user = userEvent.setup({ delay: null });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:report'), revokeObjectURL: vi.fn() }));
    const xlsx = () => new Response('PK-xlsx', { status: 200, headers: { 'Content-Disposition': 'attachment; filename=one-time-fix-rate.xlsx' } });
    const { reportCalls } = setup((url) => (url.includes('format=xlsx') ? xlsx() : jsonResponse(200, oneTimeFixRows)), 'one-time-fix-rate');
    await screen.findByTestId('report-table');
    await user.click(screen.getByTestId('report-download'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(reportCalls()).toContain(`/api/reports/one-time-fix-rate?from=${from}&to=${to}&groupBy=day&format=xlsx`);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('one-time-fix-rate.xlsx');
  });

  it('is in Chinese for zh-CN readers', async () => {
    setup(undefined, undefined, 'zh-CN');
    expect(await screen.findByTestId('report-title')).toHaveTextContent('一次解决率');
    expect(await screen.findByRole('columnheader', { name: /重复来电/ })).toBeInTheDocument();
    expect(screen.getByTestId('report-download')).toHaveTextContent('导出 Excel');
  });
});
