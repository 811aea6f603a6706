// The theme the evaluator picks in the header: the three `@masetra/react/styles.css` ships.
import { useCallback, useState } from 'react';

export const demoThemes = [
  { name: 'light', label: 'Light' },
  { name: 'dark', label: 'Dark' },
  { name: 'brand', label: 'Sample brand' },
] as const;

export type DemoThemeName = (typeof demoThemes)[number]['name'];

const THEME_KEY = 'masetra-demo.theme';

function isThemeName(value: string | null | undefined): value is DemoThemeName {
  return demoThemes.some((theme) => theme.name === value);
}

/** `?theme=brand` wins (links to a themed page), then the last choice, then light. */
function initialTheme(): DemoThemeName {
  const fromUrl = new URLSearchParams(window.location.search).get('theme');
  if (isThemeName(fromUrl)) return fromUrl;
  try {
    const stored = localStorage.getItem(THEME_KEY);
    if (isThemeName(stored)) return stored;
  } catch {
    // No storage: light it is.
  }
  return 'light';
}

export function useDemoTheme(): [DemoThemeName, (theme: DemoThemeName) => void] {
  const [theme, setTheme] = useState(initialTheme);
  const choose = useCallback((next: DemoThemeName) => {
    setTheme(next);
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // The choice then lasts as long as the page.
    }
  }, []);
  return [theme, choose];
}
