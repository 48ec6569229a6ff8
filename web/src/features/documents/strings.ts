/** Strings of the documents feature; French must match the English shape (checked by the compiler). */
export const documentsEn = {
  title: 'Documents',
  intro:
    'Prescriptions, reports, scans and images. Each file is encrypted on this device before it is stored.',
  upload: {
    title: 'Add a document',
    file: 'File',
    drop: 'You can also drop a file on this field.',
    dropActive: 'Drop the file to choose it',
    chosen: 'Chosen: {{ name }} ({{ size }})',
    fields: {
      title: 'Title',
      category: 'Category',
      date: 'Date of the document',
      note: 'Note (optional)',
    },
    titleHint: 'The file name unless you change it.',
    limit: 'Up to 20 MB per file.',
    submit: 'Encrypt and save',
    reading: 'Reading {{ name }}…',
    encrypting: 'Encrypting and saving {{ name }}…',
    saved: '“{{ title }}” is saved.',
    errors: {
      noFile: 'Choose a file first.',
      tooLarge: '{{ name }} is {{ size }}: files can be at most 20 MB. Nothing was read or saved.',
      empty: '{{ name }} is empty: there is nothing to save.',
      title: 'Enter a title of up to 200 characters.',
      date: 'Enter a real date.',
      note: 'The note can be at most 2,000 characters.',
      unreadable: 'This file could not be read. Check that it still exists and try again.',
    },
  },
  list: {
    title: 'Saved documents',
    empty: 'No documents for this profile yet.',
    meta: {
      category: 'Category',
      date: 'Date',
      size: 'Size',
      type: 'Type',
    },
  },
  category: {
    prescription: 'Prescription',
    report: 'Report',
    image: 'Image',
    lab: 'Lab result',
    imaging: 'Imaging',
    letter: 'Letter',
    other: 'Other',
  },
  actions: {
    preview: 'Preview',
    closePreview: 'Close preview',
    download: 'Download',
    delete: 'Delete',
    confirmDelete: 'Delete “{{ title }}”? The file is removed from this device and cannot be recovered.',
    confirmDeleteYes: 'Yes, delete',
    cancel: 'Cancel',
  },
  status: {
    decrypting: 'Decrypting “{{ title }}”…',
    downloaded: '“{{ title }}” is decrypted and downloading.',
    deleted: '“{{ title }}” is deleted.',
  },
  preview: {
    label: 'Preview of “{{ title }}”',
  },
};

export const documentsFr: typeof documentsEn = {
  title: 'Documents',
  intro:
    'Ordonnances, comptes rendus, examens et images. Chaque fichier est chiffré sur cet appareil avant d’être enregistré.',
  upload: {
    title: 'Ajouter un document',
    file: 'Fichier',
    drop: 'Vous pouvez aussi déposer un fichier sur ce champ.',
    dropActive: 'Déposez le fichier pour le choisir',
    chosen: 'Choisi : {{ name }} ({{ size }})',
    fields: {
      title: 'Titre',
      category: 'Catégorie',
      date: 'Date du document',
      note: 'Note (facultative)',
    },
    titleHint: 'Le nom du fichier, sauf si vous le changez.',
    limit: 'Jusqu’à 20 Mo par fichier.',
    submit: 'Chiffrer et enregistrer',
    reading: 'Lecture de {{ name }}…',
    encrypting: 'Chiffrement et enregistrement de {{ name }}…',
    saved: '« {{ title }} » est enregistré.',
    errors: {
      noFile: 'Choisissez d’abord un fichier.',
      tooLarge:
        '{{ name }} fait {{ size }} : un fichier ne peut pas dépasser 20 Mo. Rien n’a été lu ni enregistré.',
      empty: '{{ name }} est vide : il n’y a rien à enregistrer.',
      title: 'Saisissez un titre de 200 caractères au plus.',
      date: 'Saisissez une date réelle.',
      note: 'La note ne peut pas dépasser 2 000 caractères.',
      unreadable: 'Ce fichier n’a pas pu être lu. Vérifiez qu’il existe toujours et réessayez.',
    },
  },
  list: {
    title: 'Documents enregistrés',
    empty: 'Aucun document pour ce profil pour l’instant.',
    meta: {
      category: 'Catégorie',
      date: 'Date',
      size: 'Taille',
      type: 'Type',
    },
  },
  category: {
    prescription: 'Ordonnance',
    report: 'Compte rendu',
    image: 'Image',
    lab: 'Résultat d’analyse',
    imaging: 'Imagerie',
    letter: 'Courrier',
    other: 'Autre',
  },
  actions: {
    preview: 'Aperçu',
    closePreview: 'Fermer l’aperçu',
    download: 'Télécharger',
    delete: 'Supprimer',
    confirmDelete:
      'Supprimer « {{ title }} » ? Le fichier est effacé de cet appareil et ne pourra pas être récupéré.',
    confirmDeleteYes: 'Oui, supprimer',
    cancel: 'Annuler',
  },
  status: {
    decrypting: 'Déchiffrement de « {{ title }} »…',
    downloaded: '« {{ title }} » est déchiffré et en cours de téléchargement.',
    deleted: '« {{ title }} » est supprimé.',
  },
  preview: {
    label: 'Aperçu de « {{ title }} »',
  },
};
