/** Where the 适老化 switch remembers its state; read by the pre-paint script (src/lib/early-preferences.ts) too. */
export const elderModeStorageKey = 'gongkai:elder-mode';
