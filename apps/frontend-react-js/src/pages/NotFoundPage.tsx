import { NotFoundState } from './NotFoundState';

export const NotFoundPage = () => (
  <NotFoundState title="Page not found">This page doesn&apos;t exist, or its cruds have expired.</NotFoundState>
);
