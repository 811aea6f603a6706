// The LIMS's root layout. Layer order first, then Masetra's stylesheet, then the LIMS's own.
import './layers.css';
import '@masetra/react/styles.css';
import './lims.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Northwind LIMS' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
