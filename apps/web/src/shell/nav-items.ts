// The areas of the client, in navigation order.

import type { User } from '../api/auth-api';
import { isAdmin } from '../api/auth-api';
import type { MessageKey } from '../i18n/messages.en';
import { isFunder } from '../pages/dashboard/funder';
import { canOpenDataEntry } from '../pages/data-entry/entry-access';
import { canReview } from '../pages/review/review-access';
import { canSeeSystemMap } from '../pages/system-map/system-map-access';

export interface NavItem {
  path: string;
  label: MessageKey;
  visible?: (user: User) => boolean;
}

export const navItems: readonly NavItem[] = [
  { path: '/scorecards', label: 'nav.scorecards' },
  { path: '/dashboard', label: 'dashboard.nav', visible: isFunder },
  { path: '/data-entry', label: 'nav.dataEntry', visible: canOpenDataEntry },
  { path: '/review', label: 'review.nav', visible: canReview },
  { path: '/plans', label: 'nav.plans' },
  { path: '/system-map', label: 'systemMap.nav', visible: canSeeSystemMap },
  { path: '/imports', label: 'nav.imports' },
  { path: '/admin', label: 'nav.admin', visible: isAdmin },
];
