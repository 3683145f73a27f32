// The in-window progress of a gym bot import, driven by the pushed importProgress events.
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeFrontdesk } from '../fake-api';
import { renderApp } from '../render-app';

const started = async () => {
  const fake = new FakeFrontdesk();
  renderApp(fake);
  await screen.findByRole('main', { name: 'Conversations' });
  const push = (report: { state: 'running' | 'finished' | 'failed'; done: number; total: number; added?: number; message?: string }) =>
    act(() => {
      fake.emit({ type: 'importProgress', ...report });
    });
  return { fake, push };
};

describe('gym bot import progress', () => {
  it('shows an accessible bar that follows the import, then a result line until dismissed', async () => {
    const { push } = await started();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    push({ state: 'running', done: 0, total: 2400 });
    const bar = screen.getByRole('progressbar', { name: `Importing from the gym bot… 0 of ${(2400).toLocaleString()}` });
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '2400');
    expect(bar).toHaveAttribute('aria-valuenow', '0');

    push({ state: 'running', done: 1200, total: 2400 });
    const moved = screen.getByRole('progressbar', { name: `Importing from the gym bot… ${(1200).toLocaleString()} of ${(2400).toLocaleString()}` });
    expect(moved).toHaveAttribute('aria-valuenow', '1200');
    // Nothing to dismiss while it writes.
    expect(screen.queryByRole('button', { name: 'Dismiss' })).not.toBeInTheDocument();

    push({ state: 'finished', done: 2400, total: 2400, added: 2350 });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const result = screen.getByRole('status', { name: 'Gym bot import' });
    expect(result).toHaveTextContent(`Import from the gym bot finished: ${(2350).toLocaleString()} messages added.`);
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: 'Gym bot import' })).not.toBeInTheDocument();
  });

  it('says when a second import had nothing new', async () => {
    const { push } = await started();
    push({ state: 'running', done: 0, total: 12 });
    push({ state: 'finished', done: 12, total: 12, added: 0 });
    expect(screen.getByRole('status', { name: 'Gym bot import' })).toHaveTextContent('nothing new to add');
  });

  it('says why an import stopped, as an alert, and the bar goes', async () => {
    const { push } = await started();
    push({ state: 'running', done: 300, total: 900 });
    push({ state: 'failed', done: 450, total: 900, message: 'Messages imported before it stopped are kept.' });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const alert = screen.getByRole('alert', { name: 'Gym bot import' });
    expect(alert).toHaveTextContent('The import from the gym bot stopped. Messages imported before it stopped are kept.');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert', { name: 'Gym bot import' })).not.toBeInTheDocument();
  });

  it('ignores a malformed progress event', async () => {
    const { fake } = await started();
    act(() => {
      fake.emit({ type: 'importProgress', state: 'running', done: -5, total: 10 });
    });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
