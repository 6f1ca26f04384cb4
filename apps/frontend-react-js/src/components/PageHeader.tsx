import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: string;
  children?: ReactNode;
}

/** The bar at the top of the content column: page title and optional actions. */
export const PageHeader = ({ title, children }: PageHeaderProps) => (
  <header className="page_header">
    <h1>{title}</h1>
    {children}
  </header>
);
