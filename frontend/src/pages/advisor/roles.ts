// The role catalog, for filter choices and role names. Public and cached.
import { useApi } from "../../hooks/useApi";

export interface RoleOption {
  slug: string;
  track: "pm" | "pmo";
  level: { key: string; name: string };
  name: string;
}

export function useRoles() {
  return useApi<{ roles: RoleOption[] }>("/api/v1/roles");
}

/** roleName finds a role's name in the catalog, falling back to its slug. */
export function roleName(roles: RoleOption[] | undefined, slug: string): string {
  return roles?.find((r) => r.slug === slug)?.name ?? slug;
}
