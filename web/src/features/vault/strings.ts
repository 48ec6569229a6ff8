/** Strings of the vault feature; French must match the English shape (checked by the compiler). */
export const vaultEn = {
  title: 'vault',
};

export const vaultFr: typeof vaultEn = {
  title: 'vault',
};
