// Tells a page whether it was reached by in-app navigation (focus its title) or by loading the URL.

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';
import { useLocation } from 'react-router';

const RouteFocusContext = createContext<() => boolean>(() => false);

export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [initialPath] = useState(pathname);
  const navigated = useRef(false);
  // Set during render (idempotent) so a page mounted in the same commit already sees it.
  if (pathname !== initialPath) navigated.current = true;

  const shouldFocus = useCallback(() => navigated.current, []);
  return <RouteFocusContext.Provider value={shouldFocus}>{children}</RouteFocusContext.Provider>;
}

export function useRouteFocus(): () => boolean {
  return useContext(RouteFocusContext);
}
