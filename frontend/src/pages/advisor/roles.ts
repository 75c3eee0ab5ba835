// The role catalog, for filter choices and role names. Public and cached.
import { listRoles } from "../../api/endpoints";
import type { RoleSummary } from "../../api/types";
import { useApi } from "../../hooks/useApi";

/** RoleOption is what the filter choices read of a role. */
export type RoleOption = Pick<RoleSummary, "slug" | "track" | "level" | "name">;

export function useRoles() {
  return useApi(listRoles, []);
}

/** roleName finds a role's name in the catalog, falling back to its slug. */
export function roleName(roles: RoleOption[] | undefined, slug: string): string {
  return roles?.find((r) => r.slug === slug)?.name ?? slug;
}
