// The address "/": funders land on their dashboard, an agency's staff on the partner home (this
// quarter), everyone else on the scorecards.

import { Navigate } from 'react-router';
import { useCurrentUser } from '../../auth/auth-provider';
import { homePath, isPartnerStaff } from '../home/home-access';
import { isOnlyFunder } from './funder';

export const dashboardPath = '/dashboard';

export function HomeRedirect({ fallback }: { fallback: string }) {
  const user = useCurrentUser();
  const to = isOnlyFunder(user) ? dashboardPath : isPartnerStaff(user) ? homePath : fallback;
  return <Navigate to={to} replace />;
}
