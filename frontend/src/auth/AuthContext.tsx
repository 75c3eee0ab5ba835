import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { tokens } from "../api/client";
import { getMe, login, logout, register } from "../api/endpoints";
import type { Session, User } from "../api/types";

interface AuthState {
  user: User | null;
  ready: boolean;
  signIn: (email: string, password: string) => Promise<User>;
  signUp: (email: string, password: string, displayName: string) => Promise<User>;
  signOut: () => Promise<void>;
  reload: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(tokens.get()?.user ?? null);
  const [ready, setReady] = useState(false);

  const reload = useCallback(async () => {
    if (!tokens.get()) {
      setUser(null);
      return;
    }
    try {
      const me = await getMe();
      setUser(me);
    } catch {
      tokens.set(null);
      setUser(null);
    }
  }, []);

  useEffect(() => {
    void reload().finally(() => setReady(true));
    const onChange = () => {
      if (!tokens.get()) setUser(null);
    };
    window.addEventListener("pmpath:session", onChange);
    return () => window.removeEventListener("pmpath:session", onChange);
  }, [reload]);

  const start = useCallback((s: Session) => {
    tokens.set(s);
    if (s.user) setUser(s.user);
    return s.user as User;
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      ready,
      reload,
      signIn: async (email, password) =>
        start(await login({ email, password })),
      signUp: async (email, password, display_name) =>
        start(await register({ email, password, display_name })),
      signOut: async () => {
        try {
          await logout();
        } finally {
          tokens.set(null);
          setUser(null);
        }
      },
    }),
    [user, ready, reload, start],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
