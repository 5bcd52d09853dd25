import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { setRequestLocale } from './api/client';
import { AppProviders, AppRoutes } from './app';
import { startSessionRestore } from './auth/session-start';
import { initialLocale } from './i18n/locale';
import { prefetchRouteData, preloadRoute } from './page-modules';
import { createQueryClient } from './query-client';
import './styles.css';

// The session's restoration starts now, before React draws anything; once the first frame is
// drawn the page's own modules follow, and its data as soon as the session is back
// (page-modules.ts).
const queryClient = createQueryClient();
// The data fetched ahead of the first frame is asked for in the language the page will show.
setRequestLocale(initialLocale());
const { pathname, search } = window.location;
startSessionRestore().then(
  (session) => {
    if (session) prefetchRouteData(queryClient, pathname, search);
  },
  () => undefined,
);
requestAnimationFrame(() => setTimeout(() => preloadRoute(pathname)));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>,
);
