/** The back office's session token, kept in this browser's localStorage. */
const KEY = 'xyj-admin-token';

export const getToken = (): string | null => localStorage.getItem(KEY);
export const setToken = (token: string): void => localStorage.setItem(KEY, token);
export const clearToken = (): void => localStorage.removeItem(KEY);
