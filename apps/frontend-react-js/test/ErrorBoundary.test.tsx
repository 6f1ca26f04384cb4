import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary, RouteErrorFallback } from '../src/errors/ErrorBoundary';

const Broken = (): never => {
  throw new Error('render failed');
};

// React logs every error a boundary catches; the tests read what the boundary does instead.
const quietConsole = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

describe('ErrorBoundary', () => {
  it('shows the friendly fallback, reports the error with its component stack once, and reloads on demand', async () => {
    quietConsole();
    const onError = vi.fn();
    const reload = vi.fn();

    render(
      <ErrorBoundary onError={onError} reload={reload}>
        <p>before</p>
        <Broken />
      </ErrorBoundary>,
    );

    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.queryByText('before')).not.toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(new Error('render failed'), expect.stringContaining('Broken'));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('renders its children while nothing fails', () => {
    const onError = vi.fn();
    render(
      <ErrorBoundary onError={onError}>
        <p>fine</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
    expect(onError).not.toHaveBeenCalled();
  });
});

describe('RouteErrorFallback', () => {
  it('reports what a page throws (React Router catches it before any boundary above) and shows the fallback', () => {
    quietConsole();
    const onError = vi.fn();
    const router = createMemoryRouter([{ ErrorBoundary: () => <RouteErrorFallback onError={onError} />, children: [{ path: '/', element: <Broken /> }] }]);

    render(<RouterProvider router={router} />);

    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(new Error('render failed'));
  });
});
