'use client';
// The LIMS's main navigation, marking the section shown.
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const sections = [
  { href: '/', label: 'Samples', current: (path: string) => path === '/' || path.startsWith('/samples/') },
  { href: '/quality', label: 'Quality', current: (path: string) => path.startsWith('/quality') },
];

export function MainNav() {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      {sections.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.current(path) ? 'page' : undefined}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
