/** Strings of the record feature; French must match the English shape (checked by the compiler). */
export const recordEn = {
  title: 'record',
};

export const recordFr: typeof recordEn = {
  title: 'record',
};
