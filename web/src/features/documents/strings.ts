/** Strings of the documents feature; French must match the English shape (checked by the compiler). */
export const documentsEn = {
  title: 'documents',
};

export const documentsFr: typeof documentsEn = {
  title: 'documents',
};
