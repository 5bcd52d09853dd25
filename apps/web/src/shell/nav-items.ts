// The areas of the client, in navigation order.

import type { User } from '../api/auth-api';
import { isAdmin } from '../api/auth-api';
import type { MessageKey } from '../i18n/messages.en';

export interface NavItem {
  path: string;
  label: MessageKey;
  visible?: (user: User) => boolean;
}

export const navItems: readonly NavItem[] = [
  { path: '/scorecards', label: 'nav.scorecards' },
  { path: '/data-entry', label: 'nav.dataEntry' },
  { path: '/plans', label: 'nav.plans' },
  { path: '/imports', label: 'nav.imports' },
  { path: '/admin', label: 'nav.admin', visible: isAdmin },
];
