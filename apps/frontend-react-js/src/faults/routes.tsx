// Loaded only by builds with the fault switch on; the others load off.ts in
// its place (see vite.config.ts), so no fault can ship.
import type { RouteObject } from 'react-router';
import { FaultsPage } from './FaultsPage';

export const faultRoutes: RouteObject[] = [{ path: 'faults', element: <FaultsPage /> }];
