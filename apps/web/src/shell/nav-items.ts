// The areas of the client, in navigation order.

import type { User } from '../api/auth-api';
import { isAdmin } from '../api/auth-api';
import type { MessageKey } from '../i18n/messages.en';
import { isFunder } from '../pages/dashboard/funder';
import { canOpenDataEntry } from '../pages/data-entry/entry-access';
import { isPartnerStaff } from '../pages/home/home-access';
import { canSeePartnerships } from '../pages/partnerships/partnerships-access';
import { canReview } from '../pages/review/review-access';
import { canSeeStatusBoard } from '../pages/status/status-access';
import { canSeeSystemMap } from '../pages/system-map/system-map-access';

export interface NavItem {
  path: string;
  label: MessageKey;
  visible?: (user: User) => boolean;
}

export const navItems: readonly NavItem[] = [
  { path: '/home', label: 'home.nav', visible: isPartnerStaff },
  { path: '/scorecards', label: 'nav.scorecards' },
  { path: '/dashboard', label: 'dashboard.nav', visible: isFunder },
  { path: '/data-entry', label: 'nav.dataEntry', visible: canOpenDataEntry },
  { path: '/review', label: 'review.nav', visible: canReview },
  { path: '/status', label: 'status.nav', visible: canSeeStatusBoard },
  { path: '/plans', label: 'nav.plans' },
  { path: '/system-map', label: 'systemMap.nav', visible: canSeeSystemMap },
  { path: '/partnerships', label: 'partnerships.nav', visible: canSeePartnerships },
  { path: '/imports', label: 'nav.imports' },
  { path: '/admin', label: 'nav.admin', visible: isAdmin },
];
