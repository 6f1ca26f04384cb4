import type { RouteObject } from 'react-router';

/** What routes.tsx's `import './faults/routes'` loads without the fault switch: no /faults page. */
export const faultRoutes: RouteObject[] = [];
