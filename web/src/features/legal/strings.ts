/**
 * The legal layer (issue 18 item 5): terms of use, privacy notice, legal notice, the acceptance asked
 * at vault creation and after a new version, and the standing notices. Square-bracketed "To be
 * completed by the operator" parts are placeholders: whoever runs a Carnet server must fill them in.
 * French must match the English shape (checked by the compiler).
 */
export const legalEn = {
  footer: {
    label: 'Legal',
    terms: 'Terms of use',
    privacy: 'Privacy notice',
    notice: 'Legal notice',
  },
  emergency: {
    text: 'Carnet is not an emergency service. In an emergency, call 15 (SAMU), 112, or 114 (by text, for deaf or hard-of-hearing people).',
  },
  care: {
    text: 'This is not a diagnosis and it does not replace a consultation. In an emergency, call 15, 112 or 114.',
  },
  adverseReaction: {
    text: 'A side effect you think a medicine caused?',
    link: 'Report an adverse drug reaction (French health authorities’ portal, opens another site)',
  },
  placeholder: 'To be completed by the operator',
  pages: {
    nav: 'Legal documents',
    version: 'Version {{ version }}, in force since {{ date }}.',
    back: 'Back to Carnet',
    notFound: 'This legal document does not exist.',
  },
  terms: {
    title: 'Terms of use',
    intro:
      'These terms govern the use of Carnet, a personal health record kept on your device and, if you turn sync on, backed up encrypted on the operator’s server. Creating a vault means accepting them.',
    serviceTitle: '1. The service',
    service:
      'Carnet lets you keep your health record and that of your family, share parts of it with practitioners you choose, exchange messages and hold teleconsultations. The record is encrypted on your device; the operator stores only ciphertext it cannot read.',
    holderTitle: '2. The account holder',
    holder:
      'The account holder must be 18 or over. Children and people you care for are profiles of an adult’s vault; a legal representative manages them.',
    emergencyTitle: '3. Not an emergency service',
    emergency:
      'Carnet does not watch your data and alerts no one. In an emergency, call 15 (SAMU), 112 (European emergency number) or 114 (by text, for deaf or hard-of-hearing people).',
    medicalTitle: '4. Not a diagnosis',
    medical:
      'What Carnet shows, and what a practitioner writes through it, is not a diagnosis made by Carnet and does not replace a consultation. Practitioners are responsible for what they write; their self-declared identity is shown as they declared it.',
    keysTitle: '5. Your passphrase and recovery key',
    keys: 'Only you hold the keys to your record. If you lose both your passphrase and your recovery key, nobody — not the operator either — can open it.',
    useTitle: '6. Acceptable use',
    use: 'Do not use Carnet to store other people’s data without their consent or legal authority, nor to attack the service.',
    changesTitle: '7. Changes',
    changes:
      'When these terms or the privacy notice change in a way that needs your agreement, their version number goes up and Carnet asks you to accept them again before you go on.',
    lawTitle: '8. Law and disputes',
    law: 'These terms are governed by French law. [To be completed by the operator: competent court, mediator for consumer disputes.]',
  },
  privacy: {
    title: 'Privacy notice',
    intro:
      'This notice says what personal data Carnet processes, why, and your rights (General Data Protection Regulation, French Data Protection Act).',
    controllerTitle: '1. Controller',
    controller:
      '[To be completed by the operator: legal name, address, registration number, contact of the data protection officer.]',
    deviceTitle: '2. On your device',
    device:
      'Your record, documents and settings are stored in your browser, encrypted with keys derived from your passphrase. They stay on your device as long as you keep them.',
    serverTitle: '3. On the server, if you turn sync on',
    server:
      'The server keeps: your record as ciphertext it cannot read; a keyed hash of your email address, never the address itself; your devices’ names and sign-in times; share and emergency access logs. It never receives your passphrase or your keys.',
    hostingTitle: '4. Health data hosting',
    hosting:
      'Health data kept for others in France must be hosted by a certified health data host (HDS). [To be completed by the operator: host’s name and certificate.]',
    purposesTitle: '5. Purposes and legal basis',
    purposes:
      'Keeping and syncing your record, sharing what you choose with practitioners, messaging and teleconsultation, at your request (your explicit consent for health data, Article 9(2)(a) GDPR).',
    retentionTitle: '6. Retention',
    retention:
      'Server data is kept until you close your account, which deletes it at once. Access logs keep the newest 500 events.',
    rightsTitle: '7. Your rights',
    rights:
      'You may access, correct, export and delete your data from the app itself (backup, export, closing the account), and complain to the CNIL (www.cnil.fr). [To be completed by the operator: contact for requests.]',
  },
  notice: {
    title: 'Legal notice',
    publisherTitle: 'Publisher',
    publisher:
      '[To be completed by the operator: company name, legal form, share capital, registered office, registration number, VAT number, telephone, email.]',
    directorTitle: 'Publication director',
    director: '[To be completed by the operator: name of the publication director.]',
    hostTitle: 'Host',
    host: '[To be completed by the operator: name, address and telephone of the host; HDS certification.]',
    softwareTitle: 'Software',
    software: 'Carnet is open-source software. Its source code and licence come with it.',
  },
  consent: {
    legend: 'Terms and age',
    terms: 'I have read and accept the terms of use and the privacy notice (version {{ version }}).',
    termsError: 'Accept the terms of use to go on.',
    adult: 'I am 18 or over. (A child’s or a protected person’s record is a profile in an adult’s vault.)',
    adultError: 'The account holder must be 18 or over.',
    read: 'Read them:',
  },
  gate: {
    title: 'Updated terms of use',
    titleNew: 'Terms of use',
    intro:
      'The terms of use or the privacy notice changed (now version {{ version }}). Read them and accept them to go on using Carnet.',
    introNew:
      'This vault has no record of the terms being accepted (it was made before they existed, or on another device). Accept them to go on.',
    submit: 'Accept and continue',
    lock: 'Not now: lock',
    saved: 'Accepted.',
  },
};

export const legalFr: typeof legalEn = {
  footer: {
    label: 'Informations légales',
    terms: 'Conditions d’utilisation',
    privacy: 'Politique de confidentialité',
    notice: 'Mentions légales',
  },
  emergency: {
    text: 'Carnet n’est pas un service d’urgence. En cas d’urgence, appelez le 15 (SAMU), le 112, ou le 114 (par SMS, pour les personnes sourdes ou malentendantes).',
  },
  care: {
    text: 'Ceci n’est pas un diagnostic et ne remplace pas une consultation. En cas d’urgence, appelez le 15, le 112 ou le 114.',
  },
  adverseReaction: {
    text: 'Un effet indésirable que vous pensez dû à un médicament\u00a0?',
    link: 'Déclarer un effet indésirable (portail des autorités sanitaires, ouvre un autre site)',
  },
  placeholder: 'À compléter par l’exploitant',
  pages: {
    nav: 'Documents légaux',
    version: 'Version {{ version }}, en vigueur depuis le {{ date }}.',
    back: 'Retour à Carnet',
    notFound: 'Ce document légal n’existe pas.',
  },
  terms: {
    title: 'Conditions d’utilisation',
    intro:
      'Ces conditions régissent l’utilisation de Carnet, un carnet de santé personnel conservé sur votre appareil et, si vous activez la synchronisation, sauvegardé chiffré sur le serveur de l’exploitant. Créer un coffre vaut acceptation.',
    serviceTitle: '1. Le service',
    service:
      'Carnet vous permet de tenir votre dossier de santé et celui de votre famille, d’en partager des parties avec les praticiens de votre choix, d’échanger des messages et de faire des téléconsultations. Le dossier est chiffré sur votre appareil\u00a0; l’exploitant ne conserve que des données chiffrées qu’il ne peut pas lire.',
    holderTitle: '2. Le titulaire du compte',
    holder:
      'Le titulaire du compte doit avoir 18 ans ou plus. Les enfants et les personnes dont vous prenez soin sont des profils du coffre d’un adulte\u00a0; leur représentant légal les gère.',
    emergencyTitle: '3. Pas un service d’urgence',
    emergency:
      'Carnet ne surveille pas vos données et n’alerte personne. En cas d’urgence, appelez le 15 (SAMU), le 112 (numéro d’urgence européen) ou le 114 (par SMS, pour les personnes sourdes ou malentendantes).',
    medicalTitle: '4. Pas un diagnostic',
    medical:
      'Ce que Carnet affiche, et ce qu’un praticien y écrit, n’est pas un diagnostic posé par Carnet et ne remplace pas une consultation. Les praticiens sont responsables de ce qu’ils écrivent\u00a0; leur identité est affichée telle qu’ils l’ont déclarée.',
    keysTitle: '5. Votre phrase de passe et votre clé de récupération',
    keys: 'Vous seul détenez les clés de votre dossier. Si vous perdez à la fois votre phrase de passe et votre clé de récupération, personne — pas même l’exploitant — ne pourra l’ouvrir.',
    useTitle: '6. Usage acceptable',
    use: 'N’utilisez pas Carnet pour conserver les données d’autrui sans son consentement ou une autorité légale, ni pour attaquer le service.',
    changesTitle: '7. Modifications',
    changes:
      'Quand ces conditions ou la politique de confidentialité changent d’une façon qui demande votre accord, leur numéro de version augmente et Carnet vous demande de les accepter de nouveau avant de continuer.',
    lawTitle: '8. Droit applicable et litiges',
    law: 'Ces conditions sont régies par le droit français. [À compléter par l’exploitant\u00a0: tribunal compétent, médiateur de la consommation.]',
  },
  privacy: {
    title: 'Politique de confidentialité',
    intro:
      'Cette politique indique quelles données personnelles Carnet traite, pourquoi, et vos droits (Règlement général sur la protection des données, loi Informatique et Libertés).',
    controllerTitle: '1. Responsable du traitement',
    controller:
      '[À compléter par l’exploitant\u00a0: raison sociale, adresse, numéro d’immatriculation, contact du délégué à la protection des données.]',
    deviceTitle: '2. Sur votre appareil',
    device:
      'Votre dossier, vos documents et vos réglages sont conservés dans votre navigateur, chiffrés avec des clés dérivées de votre phrase de passe. Ils y restent tant que vous les gardez.',
    serverTitle: '3. Sur le serveur, si vous activez la synchronisation',
    server:
      'Le serveur conserve\u00a0: votre dossier sous forme chiffrée, qu’il ne peut pas lire\u00a0; une empreinte à clé de votre adresse e-mail, jamais l’adresse elle-même\u00a0; les noms de vos appareils et leurs heures de connexion\u00a0; les journaux d’accès aux partages et à la fiche d’urgence. Il ne reçoit jamais votre phrase de passe ni vos clés.',
    hostingTitle: '4. Hébergement des données de santé',
    hosting:
      'En France, les données de santé conservées pour le compte d’autrui doivent être hébergées par un hébergeur certifié (HDS). [À compléter par l’exploitant\u00a0: nom de l’hébergeur et certificat.]',
    purposesTitle: '5. Finalités et base légale',
    purposes:
      'Conserver et synchroniser votre dossier, partager ce que vous choisissez avec des praticiens, la messagerie et la téléconsultation, à votre demande (votre consentement explicite pour les données de santé, article 9.2.a du RGPD).',
    retentionTitle: '6. Durée de conservation',
    retention:
      'Les données du serveur sont conservées jusqu’à la clôture de votre compte, qui les supprime aussitôt. Les journaux d’accès gardent les 500 derniers événements.',
    rightsTitle: '7. Vos droits',
    rights:
      'Vous pouvez accéder à vos données, les corriger, les exporter et les supprimer depuis l’application (sauvegarde, export, clôture du compte), et saisir la CNIL (www.cnil.fr). [À compléter par l’exploitant\u00a0: contact pour les demandes.]',
  },
  notice: {
    title: 'Mentions légales',
    publisherTitle: 'Éditeur',
    publisher:
      '[À compléter par l’exploitant\u00a0: dénomination sociale, forme juridique, capital social, siège social, numéro RCS, numéro de TVA, téléphone, e-mail.]',
    directorTitle: 'Directeur de la publication',
    director: '[À compléter par l’exploitant\u00a0: nom du directeur de la publication.]',
    hostTitle: 'Hébergeur',
    host: '[À compléter par l’exploitant\u00a0: nom, adresse et téléphone de l’hébergeur\u00a0; certification HDS.]',
    softwareTitle: 'Logiciel',
    software: 'Carnet est un logiciel libre. Son code source et sa licence sont fournis avec lui.',
  },
  consent: {
    legend: 'Conditions et âge',
    terms:
      'J’ai lu et j’accepte les conditions d’utilisation et la politique de confidentialité (version {{ version }}).',
    termsError: 'Acceptez les conditions d’utilisation pour continuer.',
    adult:
      'J’ai 18 ans ou plus. (Le dossier d’un enfant ou d’une personne protégée est un profil dans le coffre d’un adulte.)',
    adultError: 'Le titulaire du compte doit avoir 18 ans ou plus.',
    read: 'Les lire\u00a0:',
  },
  gate: {
    title: 'Conditions d’utilisation mises à jour',
    titleNew: 'Conditions d’utilisation',
    intro:
      'Les conditions d’utilisation ou la politique de confidentialité ont changé (version {{ version }}). Lisez-les et acceptez-les pour continuer à utiliser Carnet.',
    introNew:
      'Ce coffre n’a pas trace de l’acceptation des conditions (il a été créé avant elles, ou sur un autre appareil). Acceptez-les pour continuer.',
    submit: 'Accepter et continuer',
    lock: 'Pas maintenant\u00a0: verrouiller',
    saved: 'Acceptées.',
  },
};
