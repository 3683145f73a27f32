// The one-line error every form shows: nothing when there is nothing to say; otherwise an alert
// with what failed and why, in the error style.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorLine } from '../../../renderer/src/components/error-line';

describe('ErrorLine', () => {
  it.each([null, undefined, ''])('renders nothing for %j', (message) => {
    const { container } = render(<ErrorLine message={message} prefix="Not sent: " />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('announces the message after what failed, with the error style and any extra class', () => {
    render(<ErrorLine message="ClubOS did not answer" prefix="Not sent: " className="schedule-bar" />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/^Not sent: ClubOS did not answer$/);
    expect(alert.tagName).toBe('P');
    expect(alert).toHaveClass('error-text', 'schedule-bar');
  });
});
