/** Word lists for the seeded, deterministic demo data: international names, companies, titles. */

export interface Locale {
  country: 'NL' | 'BE' | 'DE' | 'FR' | 'ES' | 'GB' | 'US' | 'JP' | 'AE';
  language: string;
  tld: string;
  first: readonly string[];
  last: readonly string[];
  /** `{last}` / `{word}` patterns for company names. */
  company: readonly string[];
  words: readonly string[];
  titles: readonly string[];
}

const NL: Locale = {
  country: 'NL', language: 'nl-NL', tld: 'nl',
  first: ['Daan', 'Sanne', 'Lars', 'Femke', 'Bram', 'Eva', 'Jeroen', 'Lotte', 'Thijs', 'Anouk', 'Ruben', 'Marieke', 'Joost', 'Ilse', 'Sem', 'Noor', 'Pieter', 'Fleur', 'Wouter', 'Maaike', 'Koen', 'Esmée', 'Bas', 'Iris'],
  last: ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'van Dijk', 'Kok', 'Verhoeven', 'van der Linden'],
  company: ['{last} Advocaten', '{last} & Partners', '{word} B.V.', '{last} Notarissen', 'Zorggroep {word}', '{word} Media', 'Gemeente {word}', '{last} Accountants', '{word} Onderzoek', 'Hogeschool {word}', '{word} Tolkdiensten', '{last} Vertalingen'],
  words: ['Zuidas', 'Noorderlicht', 'Polderweg', 'Delta', 'Waddenzee', 'Grachtengordel', 'Utrechtse Heuvelrug', 'Rijnmond', 'Veluwe', 'Kempen', 'Amstelland', 'Haaglanden', 'Twente', 'Zeeland', 'Dommel', 'Eemland'],
  titles: ['Teamoverleg maandag', 'Interview wethouder', 'Klantgesprek', 'Raadsvergadering', 'Podcast aflevering {n}', 'Hoorzitting', 'Webinar AVG', 'Focusgroep zorg', 'Directieoverleg Q{q}', 'Verhoor getuige'],
};
const BE: Locale = {
  ...NL, country: 'BE', language: 'nl-BE', tld: 'be',
  last: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Lambert'],
  company: ['{last} Advocatenkantoor', '{word} BV', 'Stad {word}', '{last} & Co', '{word} Studio'],
  words: ['Schelde', 'Leie', 'Kempen', 'Meetjesland', 'Pajottenland', 'Westhoek', 'Haspengouw'],
};
const DE: Locale = {
  country: 'DE', language: 'de-DE', tld: 'de',
  first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Sophie', 'Maximilian', 'Hannah', 'Paul', 'Lena', 'Jürgen', 'Sabine', 'Matthias', 'Katrin', 'Tobias', 'Ulrike'],
  last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf'],
  company: ['{last} Rechtsanwälte', '{last} & Söhne GmbH', '{word} Medien GmbH', 'Kanzlei {last}', '{word} Marktforschung AG', 'Stadtwerke {word}', '{word} Klinikum'],
  words: ['Nordlicht', 'Rheinland', 'Schwarzwald', 'Elbe', 'Spree', 'Bodensee', 'Harz', 'Alster', 'Isar'],
  titles: ['Besprechung Vertrieb', 'Interview Bürgermeisterin', 'Kundentermin', 'Podcast Folge {n}', 'Vorstandssitzung Q{q}', 'Zeugenvernehmung', 'Webinar DSGVO'],
};
const FR: Locale = {
  country: 'FR', language: 'fr-FR', tld: 'fr',
  first: ['Camille', 'Lucas', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Gabriel', 'Inès', 'Théo', 'Élodie', 'François', 'Amélie', 'Sébastien'],
  last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Fontaine', 'Rousseau'],
  company: ['Cabinet {last}', '{last} & Associés', '{word} Médias SAS', 'Mairie de {word}', '{word} Études', 'Clinique {word}'],
  words: ['Lumière', 'Provence', 'Bretagne', 'Loire', 'Garonne', 'Montmartre', 'Vercors', 'Camargue'],
  titles: ['Réunion hebdomadaire', 'Entretien client', 'Conseil municipal', 'Podcast épisode {n}', 'Comité de direction T{q}', 'Audition témoin'],
};
const ES: Locale = {
  country: 'ES', language: 'es-ES', tld: 'es',
  first: ['Lucía', 'Hugo', 'Martina', 'Mateo', 'Sofía', 'Leo', 'Paula', 'Daniel', 'Carmen', 'Javier', 'Núria', 'Álvaro'],
  last: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz'],
  company: ['{last} Abogados', '{last} y Asociados S.L.', '{word} Comunicación', 'Ayuntamiento de {word}', 'Clínica {word}'],
  words: ['Sol', 'Mediterráneo', 'Guadalquivir', 'Sierra Nevada', 'Alhambra', 'Cantábrico', 'Triana'],
  titles: ['Reunión de equipo', 'Entrevista alcaldesa', 'Llamada con cliente', 'Pódcast episodio {n}', 'Consejo de dirección T{q}'],
};
const GB: Locale = {
  country: 'GB', language: 'en-GB', tld: 'co.uk',
  first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Emily', 'Charlie', 'Grace', 'Siobhan', 'Rhys'],
  last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Hughes', "O'Brien"],
  company: ['{last} & Co Solicitors', '{word} Media Ltd', '{last} Research', '{word} Council', '{word} Health Trust'],
  words: ['Thames', 'Pennine', 'Cotswold', 'Highland', 'Mersey', 'Severn', 'Kingsway'],
  titles: ['Weekly stand-up', 'Client interview', 'Board meeting Q{q}', 'Podcast episode {n}', 'Witness statement', 'Focus group'],
};
const US: Locale = {
  ...GB, country: 'US', language: 'en-US', tld: 'com',
  last: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Anderson', 'Jackson', 'White', 'Harris', 'Clark'],
  company: ['{last} Legal LLP', '{word} Media Inc.', '{last} Research Group', '{word} Health', '{word} Labs'],
  words: ['Hudson', 'Golden Gate', 'Lakeshore', 'Redwood', 'Liberty', 'Cascade', 'Prairie'],
};
const JP: Locale = {
  country: 'JP', language: 'ja-JP', tld: 'jp',
  first: ['Haruto', 'Yui', 'Sota', 'Hina', 'Ren', 'Aoi', 'Takumi', 'Sakura', 'Kenji', 'Yuki'],
  last: ['Satō', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Itō', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Katō'],
  company: ['{last} 法律事務所', '株式会社{word}', '{word} Media KK', '{last} Research'],
  words: ['Sakura', 'Fuji', 'Kōyō', 'Asahi', 'Midori', 'Hikari'],
  titles: ['定例会議', '顧客インタビュー', 'ポッドキャスト 第{n}回', '取締役会 Q{q}'],
};
const AE: Locale = {
  country: 'AE', language: 'ar-AE', tld: 'ae',
  first: ['Omar', 'Fatima', 'Youssef', 'Layla', 'Khalid', 'Mariam', 'Hassan', 'Noor', 'Karim', 'Amira'],
  last: ['Al-Mansouri', 'Haddad', 'El-Amin', 'Nasser', 'Al-Farsi', 'Khoury', 'Saleh', 'Bakr', 'Aziz', 'Rahman'],
  company: ['{last} Legal Consultants', '{word} Media FZ-LLC', 'مؤسسة {word}', '{last} Trading'],
  words: ['Al Noor', 'Falcon', 'Oasis', 'Marina', 'Desert Rose', 'Pearl'],
  titles: ['اجتماع الفريق', 'مقابلة عميل', 'Podcast episode {n}', 'Board meeting Q{q}'],
};

/** Weighted: the reseller is Dutch, so most customers are Dutch. */
export const LOCALES: ReadonlyArray<[Locale, number]> = [
  [NL, 48], [BE, 8], [DE, 11], [FR, 7], [ES, 6], [GB, 8], [US, 5], [JP, 4], [AE, 3],
];

export const SEGMENTS = ['smb', 'mid_market', 'enterprise', 'public_sector', 'education'] as const;
export const INDUSTRIES = ['legal', 'healthcare', 'media', 'education', 'government', 'finance', 'market_research', 'insurance', 'consulting'] as const;
export const ACCOUNT_MANAGERS = ['marloes@partner.example', 'tim@partner.example', 'yasmina@partner.example', 'gert-jan@partner.example'] as const;
export const TOKEN_NAMES = ['Production', 'Staging', 'Zapier integration', 'CI pipeline', 'Data warehouse export', 'Mobile app'] as const;

/** A seeded customer's `region` metadata, from its country. */
export const REGIONS: Record<Locale['country'], string> = {
  NL: 'benelux', BE: 'benelux', DE: 'dach', FR: 'emea', ES: 'emea', GB: 'emea', US: 'na', JP: 'apac', AE: 'mea',
};
/** A seeded customer's `tier` metadata (the reseller's own support tier), from its plan. */
export const TIERS: Record<'bronze' | 'silver' | 'gold' | 'enterprise', string> = {bronze: 'standard', silver: 'standard', gold: 'premium', enterprise: 'strategic'};
