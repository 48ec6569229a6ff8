/** Strings of the pwa feature; French must match the English shape (checked by the compiler). */
export const pwaEn = {
  title: 'pwa',
};

export const pwaFr: typeof pwaEn = {
  title: 'pwa',
};
