/**
 * Builds the responder view with DOM calls and `textContent` only: the data comes from a QR code
 * anyone can print, so nothing in it is ever parsed as HTML.
 */
import { ageOn, EMERGENCY_LABELS, spokenLanguages } from '../../../shared/emergency/labels.ts';
import type { EmergencyLanguage, EmergencyProfile } from '../../../shared/emergency/profile.ts';
import { RESPONDER_STRINGS } from './strings.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text the patient typed, marked with its language (screen readers pronounce it right). */
function patient<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  lang: string,
): HTMLElementTagNameMap[K] {
  const node = el(tag, undefined, text);
  node.lang = lang;
  return node;
}

/** `items` are the patient's words (in `lang`); `labelled` are ours, in the responder's language. */
function section(
  title: string,
  items: readonly string[],
  critical: boolean,
  lang: string,
  labelled: readonly string[] = [],
): HTMLElement | undefined {
  if (items.length === 0 && labelled.length === 0) return undefined;
  const box = el('section', critical ? 'block block--critical' : 'block');
  box.append(el('h2', undefined, title));
  const list = el('ul');
  for (const item of labelled) list.append(el('li', undefined, item));
  for (const item of items) list.append(patient('li', item, lang));
  box.append(list);
  return box;
}

export function renderProfile(
  profile: EmergencyProfile,
  language: EmergencyLanguage,
  today: string,
): HTMLElement {
  const l = EMERGENCY_LABELS[language];
  const s = RESPONDER_STRINGS[language];
  const root = el('article', 'profile');
  root.append(el('h1', undefined, s.heading));

  const who = el('p', 'who');
  const lang = profile.language;
  who.append(patient('strong', profile.name, lang));
  if (profile.dateOfBirth) {
    who.append(` · ${l.born} ${l.date(profile.dateOfBirth)} (${l.age(ageOn(profile.dateOfBirth, today))})`);
  }
  root.append(who);
  // The profile's language is named in the reader's language; the others are as the patient typed them.
  const speaks = spokenLanguages(profile, language);
  const speaksLine = el('p', 'speaks', `${l.patientSpeaks}: ${speaks.own}`);
  if (speaks.others.length > 0) speaksLine.append(', ', patient('span', speaks.others.join(', '), lang));
  root.append(speaksLine);

  const blocks = [
    section(l.directive, profile.directive ? [profile.directive] : [], true, lang),
    section(l.conditions, profile.conditions, true, lang),
    section(l.allergies, profile.allergies, true, lang),
    section(l.medications, profile.medications, true, lang),
    section(l.devices, profile.devices, false, lang),
    section(l.pregnancy, profile.pregnancy ? [profile.pregnancy] : [], true, lang),
  ];
  for (const block of blocks) if (block) root.append(block);

  if (profile.contacts.length > 0) {
    const box = el('section', 'block');
    box.append(el('h2', undefined, l.contacts));
    const list = el('ul', 'contacts');
    for (const contact of profile.contacts) {
      const item = el('li');
      const link = el('a', 'call');
      // The schema allows digits and + ( ) - . space only, so this cannot become another scheme.
      link.href = `tel:${contact.phone.replace(/[^0-9+]/g, '')}`;
      link.append(
        `${s.call} `,
        patient('span', `${contact.name}${contact.relationship ? ` (${contact.relationship})` : ''}`, lang),
        ' · ',
        // A phone number broken over two lines is misread: it stays whole.
        el('span', 'phone', contact.phone),
      );
      item.append(link);
      list.append(item);
    }
    box.append(list);
    root.append(box);
  }

  const facts: string[] = [];
  if (profile.bloodType) facts.push(`${l.bloodType}: ${profile.bloodType}`);
  if (profile.organDonor !== undefined) facts.push(`${l.organDonor}: ${profile.organDonor ? l.yes : l.no}`);
  const factBlock = section(l.note, profile.note ? [profile.note] : [], false, lang, facts);
  if (factBlock) root.append(factBlock);

  root.append(el('p', 'meta', `${l.updated}: ${l.date(profile.updatedOn)}. ${s.disclaimer}`));
  return root;
}
