import { useMemo, useState, type ReactNode } from 'react';
import { clearSignedInUser, readSignedInUser, saveSignedInUser, type User } from './accounts';
import { SessionContext, type Session } from './session';

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [user, setUser] = useState<User | null>(readSignedInUser);

  const session = useMemo<Session>(
    () => ({
      user,
      signIn: (next) => {
        saveSignedInUser(next);
        setUser(next);
      },
      signOut: () => {
        clearSignedInUser();
        setUser(null);
      },
    }),
    [user],
  );

  return <SessionContext value={session}>{children}</SessionContext>;
};
