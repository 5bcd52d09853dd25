// The admin pages' data: typed react-query hooks over api/admin-api.ts.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addTablePartner,
  createOrganization,
  createPublicLink,
  createReportingPeriod,
  createTable,
  createUser,
  fetchOrganizations,
  fetchPublicLinks,
  fetchReportingPeriods,
  fetchSettings,
  fetchTableAsStored,
  fetchTablePartners,
  fetchTables,
  fetchUsers,
  grantRole,
  type RoleGrant,
  removeTablePartner,
  resetUserPassword,
  revokePublicLink,
  revokeRole,
  type Settings,
  setTableArchived,
  type TableTexts,
  updateSettings,
  updateTable,
  updateUser,
} from '../../api/admin-api';
import { queryKeys } from '../../api/query-keys';

export function useOrganizations() {
  return useQuery({
    queryKey: queryKeys.organizations(),
    queryFn: ({ signal }) => fetchOrganizations(signal),
  });
}

export function useTables() {
  return useQuery({ queryKey: queryKeys.tables(), queryFn: ({ signal }) => fetchTables(signal) });
}

/** One table's texts as stored (English as `name`…, French as `nameFr`…), for its edit form. */
export function useTableAsStored(tableId: string) {
  return useQuery({
    queryKey: [...queryKeys.tables(), tableId, 'as-stored'],
    queryFn: ({ signal }) => fetchTableAsStored(tableId, signal),
  });
}

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users(), queryFn: ({ signal }) => fetchUsers(signal) });
}

export function useTablePartners(tableId: string | null) {
  return useQuery({
    queryKey: queryKeys.tablePartners(tableId ?? ''),
    queryFn: ({ signal }) => fetchTablePartners(tableId ?? '', signal),
    enabled: tableId !== null,
  });
}

export function useReportingPeriods() {
  return useQuery({
    queryKey: queryKeys.reportingPeriods(),
    queryFn: ({ signal }) => fetchReportingPeriods(signal),
  });
}

export function useSettings() {
  return useQuery({
    queryKey: queryKeys.settings(),
    queryFn: ({ signal }) => fetchSettings(signal),
  });
}

export function usePublicLinks(tableId: string | null) {
  return useQuery({
    queryKey: queryKeys.publicLinks(tableId ?? ''),
    queryFn: ({ signal }) => fetchPublicLinks(tableId ?? '', signal),
    enabled: tableId !== null,
  });
}

/** A mutation that, once done, has the lists it changed read again. */
function useChange<A, R>(run: (args: A) => Promise<R>, stale: (args: A) => readonly unknown[][]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (_result, args) => {
      await Promise.all(stale(args).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreateOrganization = () =>
  useChange(createOrganization, () => [[...queryKeys.organizations()]]);

export const useCreateUser = () => useChange(createUser, () => [[...queryKeys.users()]]);

export const useUpdateUser = () =>
  useChange(
    ({ userId, body }: { userId: string; body: Parameters<typeof updateUser>[1] }) =>
      updateUser(userId, body),
    () => [[...queryKeys.users()]],
  );

/** Nothing listed changes (the user's sessions end on the server): no list to read again. */
export const useResetPassword = () =>
  useMutation({
    mutationFn: ({ userId, password }: { userId: string; password: string }) =>
      resetUserPassword(userId, password),
  });

export const useGrantRole = () =>
  useChange(
    ({ userId, grant }: { userId: string; grant: RoleGrant }) => grantRole(userId, grant),
    () => [[...queryKeys.users()]],
  );

export const useRevokeRole = () =>
  useChange(
    ({ userId, grant }: { userId: string; grant: RoleGrant }) => revokeRole(userId, grant),
    () => [[...queryKeys.users()]],
  );

export const useCreateTable = () => useChange(createTable, () => [[...queryKeys.tables()]]);

export const useUpdateTable = () =>
  useChange(
    ({ tableId, body }: { tableId: string; body: Partial<TableTexts> }) =>
      updateTable(tableId, body),
    () => [[...queryKeys.tables()]],
  );

export const useArchiveTable = () =>
  useChange(
    ({ tableId, archived }: { tableId: string; archived: boolean }) =>
      setTableArchived(tableId, archived),
    () => [[...queryKeys.tables()]],
  );

export const useAddPartner = () =>
  useChange(
    ({ tableId, organizationId }: { tableId: string; organizationId: string }) =>
      addTablePartner(tableId, organizationId),
    ({ tableId }) => [[...queryKeys.tablePartners(tableId)]],
  );

export const useRemovePartner = () =>
  useChange(
    ({ tableId, organizationId }: { tableId: string; organizationId: string }) =>
      removeTablePartner(tableId, organizationId),
    ({ tableId }) => [[...queryKeys.tablePartners(tableId)]],
  );

export const useCreateReportingPeriod = () =>
  useChange(createReportingPeriod, () => [[...queryKeys.reportingPeriods()]]);

export const useUpdateSettings = () =>
  useChange(
    (body: Partial<Settings>) => updateSettings(body),
    () => [[...queryKeys.all]],
  );

export const useCreatePublicLink = () =>
  useChange(
    ({ tableId, label }: { tableId: string; label: string | null }) =>
      createPublicLink(tableId, label),
    ({ tableId }) => [[...queryKeys.publicLinks(tableId)]],
  );

export const useRevokePublicLink = () =>
  useChange(
    ({ tableId, linkId }: { tableId: string; linkId: string }) => revokePublicLink(tableId, linkId),
    ({ tableId }) => [[...queryKeys.publicLinks(tableId)]],
  );
