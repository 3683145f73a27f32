// The Reports view over the fake core: the summary and tables say what the report says (durations
// as staff read them), the period is asked for again when changed, and Export CSV saves what the
// core wrote under the name it gave.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildReport, reportData, reportPeriod } from '../../../main/services/reports/build-report';
import { stubElementSize } from '../element-size';
import { FakeFrontdesk, makeConversation } from '../fake-api';
import { renderApp } from '../render-app';

let restore: () => void;
beforeAll(() => {
  restore = stubElementSize();
});
afterAll(() => restore());

const NOW = Date.parse('2026-03-10T15:00:00Z');

function sampleReport() {
  const period = reportPeriod(7, NOW, 'America/New_York');
  const message = (direction: 'inbound' | 'outbound', sentAt: string, senderName = 'Pat') => ({
    direction,
    sentAt,
    timed: true,
    asksForReply: direction === 'inbound',
    intent: direction === 'inbound' ? ('question_about_billing' as const) : null,
    senderName,
  });
  const conv = (id: number, messages: ReturnType<typeof message>[]) => ({
    conversationId: id,
    memberName: `M${id}`,
    handledAt: null,
    openRequestSince: null,
    openResolutionSince: null,
    messages,
    resolves: [],
  });
  const timeline = {
    resolvesRecordedSince: '2026-01-01T00:00:00.000Z',
    conversations: [
      conv(1, [message('inbound', '2026-03-09T14:00:00.000Z'), message('outbound', '2026-03-09T14:12:00.000Z', 'Alex M.')]),
      conv(2, [message('inbound', '2026-03-09T16:00:00.000Z'), message('outbound', '2026-03-09T17:30:00.000Z', 'Alex M.')]),
    ],
  };
  return buildReport({ data: reportData(timeline, period), waiting: [], period, timeZone: 'America/New_York', now: NOW, resolvesRecordedSince: timeline.resolvesRecordedSince });
}

describe('Reports view', () => {
  it('shows the figures, asks again for another period, and exports the CSV', async () => {
    const fake = new FakeFrontdesk({ conversations: [makeConversation({ id: 1, memberName: 'Jane Doe' })], messages: [] });
    fake.report = sampleReport();
    fake.reportCsv = 'kind,conversation_id\r\nrequest,1\r\n';
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Reports' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reports' });
    // Two answered requests, 12 min and 1 h 30 min: median 51 min, p90 1 h 22 min.
    const firstResponse = await within(dialog).findByText('First response');
    expect(firstResponse.parentElement).toHaveTextContent('51 min');
    expect(firstResponse.parentElement).toHaveTextContent('p90 1 h 22 min');
    const staff = within(dialog).getByRole('figure', { name: /by staff member/ });
    const row = within(staff).getByRole('row', { name: /Alex M\./ });
    expect(row).toHaveTextContent('51 min');
    expect(within(dialog).getByRole('figure', { name: /Requests by intent/ })).toHaveTextContent('Billing');
    expect(fake.callsOf('getReport')).toEqual([{ days: 7 }]);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Period' }), '90');
    await waitFor(() => expect(fake.callsOf('getReport')).toEqual([{ days: 7 }, { days: 90 }]));

    await user.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(fake.callsOf('exportReportCsv')).toEqual([{ days: 90 }]);
    expect(await created[0]!.text()).toBe('kind,conversation_id\r\nrequest,1\r\n');
  });

  it('says why when the report cannot be computed', async () => {
    const fake = new FakeFrontdesk({ conversations: [], messages: [] });
    fake.failNext('getReport', { code: 'internal', message: 'The database is busy.' });
    const user = userEvent.setup();
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'Reports' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reports' });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The database is busy.');
  });
});
