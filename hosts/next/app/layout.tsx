import type {Metadata} from 'next';
import type {ReactNode} from 'react';
import './host.css';

export const metadata: Metadata = {title: 'Next.js host · reseller-elements'};

export default function RootLayout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
