/**
 * A router of its own, on the History API: every page has an address under
 * /bo/ that can be bookmarked and shared (/bo/stores, /bo/login?next=…), the
 * browser's back and forward buttons work, and a link is a real <a href> (a
 * new tab opens it). Written here rather than taken from a package: the back
 * office has a handful of flat pages with no loaders or nesting, this is about
 * sixty lines, and it keeps the layer's packages to React alone.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { MouseEvent, ReactNode } from 'react';

export const BASE = '/bo';

export interface Route {
  /** The path under /bo, e.g. `/stores`. */
  path: string;
  search: URLSearchParams;
  hash: string;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<Route | null>(null);

function current(): Pick<Route, 'path' | 'search' | 'hash'> {
  const { pathname, search, hash } = window.location;
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) || '/' : pathname;
  return { path: path.replace(/\/+$/, '') || '/', search: new URLSearchParams(search), hash };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(current);

  useEffect(() => {
    const onPop = () => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    const url = `${BASE}${to}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setLocation(current());
    window.scrollTo(0, 0);
  }, []);

  const route = useMemo<Route>(() => ({ ...location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={route}>{children}</RouterContext.Provider>;
}

export function useRoute(): Route {
  const route = useContext(RouterContext);
  if (!route) throw new Error('useRoute outside RouterProvider');
  return route;
}

/** A link within the back office: a plain click moves without a page load. */
export function Link({
  to,
  children,
  className,
  current: isCurrent,
  testId,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  current?: boolean;
  testId?: string;
}) {
  const { navigate } = useRoute();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={`${BASE}${to}`}
      onClick={onClick}
      className={className}
      aria-current={isCurrent ? 'page' : undefined}
      data-testid={testId}
    >
      {children}
    </a>
  );
}
