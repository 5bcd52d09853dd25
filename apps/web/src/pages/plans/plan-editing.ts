// What the section editors are given: the draft's operations, the problems to show, and the
// organizations that may be named.

import type { ItemOf, ListName } from './plan-draft';
import type { OrganizationOption } from './use-plans';

export interface PlanEditing {
  readOnly: boolean;
  /** The message to show under a field, by `<item key>.<field>`. */
  problem: (fieldKey: string) => string | undefined;
  update: <L extends ListName>(list: L, key: string, patch: Partial<ItemOf<L>>) => void;
  add: (list: ListName) => void;
  remove: (list: ListName, key: string) => void;
  move: (list: ListName, key: string, by: -1 | 1) => void;
  setNarrative: (text: string) => void;
  organizations: readonly OrganizationOption[];
  organizationName: (id: string) => string;
}
