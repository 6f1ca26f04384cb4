import { createContext, useContext } from 'react';
import type { User } from './accounts';

export interface Session {
  user: User | null;
  signIn: (user: User) => void;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
};
