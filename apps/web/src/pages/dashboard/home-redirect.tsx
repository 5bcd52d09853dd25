// The address "/": funders land on their dashboard, everyone else on the scorecards.

import { Navigate } from 'react-router';
import { useCurrentUser } from '../../auth/auth-provider';
import { isOnlyFunder } from './funder';

export const dashboardPath = '/dashboard';

export function HomeRedirect({ fallback }: { fallback: string }) {
  const user = useCurrentUser();
  return <Navigate to={isOnlyFunder(user) ? dashboardPath : fallback} replace />;
}
