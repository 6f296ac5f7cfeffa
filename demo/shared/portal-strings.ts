/**
 * The demo portal's own words (navigation, headings, Settings), in the six locales the kit ships:
 * what a partner's portal does for its chrome while the kit translates itself. index.html marks
 * each node with `data-i18n="key"` (its text) or `data-i18n-attr="attribute:key"`; main.ts fills
 * them whenever the locale changes. English is the markup's own text and this table's first column.
 */
export const PORTAL_LOCALES = ['en', 'nl', 'de', 'fr', 'es', 'ar'] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];

type Row = Readonly<Record<PortalLocale, string>>;

export const PORTAL_STRINGS = {
  skip: {en: 'Skip to content', nl: 'Naar de inhoud', de: 'Zum Inhalt springen', fr: 'Aller au contenu', es: 'Ir al contenido', ar: 'الانتقال إلى المحتوى'},
  tagline: {en: 'Partner portal', nl: 'Partnerportaal', de: 'Partnerportal', fr: 'Portail partenaire', es: 'Portal de socios', ar: 'بوابة الشركاء'},
  signedIn: {en: 'Signed in to', nl: 'Ingelogd bij', de: 'Angemeldet bei', fr: 'Connecté à', es: 'Sesión iniciada en', ar: 'تم تسجيل الدخول إلى'},
  navLabel: {en: 'Main', nl: 'Hoofdmenu', de: 'Hauptmenü', fr: 'Menu principal', es: 'Menú principal', ar: 'القائمة الرئيسية'},
  customers: {en: 'Customers', nl: 'Klanten', de: 'Kunden', fr: 'Clients', es: 'Clientes', ar: 'العملاء'},
  customerDetail: {en: 'Customer detail', nl: 'Klantdetails', de: 'Kundendetails', fr: 'Fiche client', es: 'Ficha del cliente', ar: 'تفاصيل العميل'},
  usage: {en: 'Usage dashboard', nl: 'Gebruiksoverzicht', de: 'Nutzungsübersicht', fr: 'Tableau de bord d’utilisation', es: 'Panel de uso', ar: 'لوحة الاستخدام'},
  branding: {en: 'Branding', nl: 'Huisstijl', de: 'Branding', fr: 'Identité visuelle', es: 'Imagen de marca', ar: 'الهوية التجارية'},
  settings: {en: 'Settings', nl: 'Instellingen', de: 'Einstellungen', fr: 'Paramètres', es: 'Configuración', ar: 'الإعدادات'},
  notFound: {en: 'Page not found', nl: 'Pagina niet gevonden', de: 'Seite nicht gefunden', fr: 'Page introuvable', es: 'Página no encontrada', ar: 'الصفحة غير موجودة'},
  customer: {en: 'Customer', nl: 'Klant', de: 'Kunde', fr: 'Client', es: 'Cliente', ar: 'العميل'},
  customersLead: {
    en: 'Every organization you resell to: search, sort, open, add or remove.',
    nl: 'Elke organisatie waaraan je doorverkoopt: zoeken, sorteren, openen, toevoegen of verwijderen.',
    de: 'Jede Organisation, an die Sie weiterverkaufen: suchen, sortieren, öffnen, hinzufügen oder entfernen.',
    fr: 'Toutes les organisations auxquelles vous revendez : rechercher, trier, ouvrir, ajouter ou supprimer.',
    es: 'Todas las organizaciones a las que revende: buscar, ordenar, abrir, añadir o quitar.',
    ar: 'كل مؤسسة تعيد البيع لها: ابحث ورتّب وافتح وأضف أو أزل.',
  },
  usageLead: {
    en: 'Audio hours and transcriptions across all your customers.',
    nl: 'Audio-uren en transcripties van al je klanten.',
    de: 'Audiostunden und Transkriptionen über alle Ihre Kunden.',
    fr: 'Heures audio et transcriptions de tous vos clients.',
    es: 'Horas de audio y transcripciones de todos sus clientes.',
    ar: 'ساعات الصوت وعمليات النسخ لجميع عملائك.',
  },
  transcriptions: {en: 'Transcriptions', nl: 'Transcripties', de: 'Transkriptionen', fr: 'Transcriptions', es: 'Transcripciones', ar: 'عمليات النسخ'},
  reports: {en: 'Reports', nl: 'Rapporten', de: 'Berichte', fr: 'Rapports', es: 'Informes', ar: 'التقارير'},
  reportsLead: {
    en: 'A usage report per month, made at month end and emailed to whom you choose; download it as CSV or PDF.',
    nl: 'Een gebruiksrapport per maand, gemaakt aan het eind van de maand en gemaild naar wie je kiest; download het als CSV of PDF.',
    de: 'Ein Nutzungsbericht pro Monat, zum Monatsende erstellt und an die von Ihnen gewählten Empfänger gesendet; als CSV oder PDF herunterladen.',
    fr: 'Un rapport d’utilisation par mois, créé en fin de mois et envoyé aux destinataires de votre choix ; téléchargez-le en CSV ou en PDF.',
    es: 'Un informe de uso por mes, creado a fin de mes y enviado a quien usted elija; descárguelo en CSV o PDF.',
    ar: 'تقرير استخدام لكل شهر، يُنشأ في نهاية الشهر ويُرسل إلى من تختارهم؛ نزّله بصيغة CSV أو PDF.',
  },
  brandingLead: {
    en: "Your logo and brand colour, as your customers' operators see them.",
    nl: 'Je logo en huisstijlkleur, zoals de medewerkers van je klanten ze zien.',
    de: 'Ihr Logo und Ihre Markenfarbe, wie die Mitarbeitenden Ihrer Kunden sie sehen.',
    fr: 'Votre logo et votre couleur de marque, tels que les opérateurs de vos clients les voient.',
    es: 'Su logotipo y su color de marca, tal como los ven los operadores de sus clientes.',
    ar: 'شعارك ولون علامتك التجارية كما يراهما موظفو عملائك.',
  },
  settingsLead: {
    en: 'How this portal looks to you. Stored in this browser only.',
    nl: 'Hoe dit portaal er voor jou uitziet. Alleen in deze browser opgeslagen.',
    de: 'Wie dieses Portal für Sie aussieht. Nur in diesem Browser gespeichert.',
    fr: 'L’apparence de ce portail pour vous. Enregistré dans ce navigateur uniquement.',
    es: 'Cómo ve usted este portal. Se guarda solo en este navegador.',
    ar: 'كيف تظهر لك هذه البوابة. تُحفظ في هذا المتصفح فقط.',
  },
  language: {en: 'Language', nl: 'Taal', de: 'Sprache', fr: 'Langue', es: 'Idioma', ar: 'اللغة'},
  theme: {en: 'Theme', nl: 'Thema', de: 'Design', fr: 'Thème', es: 'Tema', ar: 'السمة'},
  light: {en: 'Light', nl: 'Licht', de: 'Hell', fr: 'Clair', es: 'Claro', ar: 'فاتح'},
  dark: {en: 'Dark', nl: 'Donker', de: 'Dunkel', fr: 'Sombre', es: 'Oscuro', ar: 'داكن'},
  brandColour: {en: 'Brand colour', nl: 'Huisstijlkleur', de: 'Markenfarbe', fr: 'Couleur de marque', es: 'Color de marca', ar: 'لون العلامة التجارية'},
  reset: {en: 'Reset', nl: 'Herstellen', de: 'Zurücksetzen', fr: 'Réinitialiser', es: 'Restablecer', ar: 'إعادة تعيين'},
  saved: {en: 'Settings saved.', nl: 'Instellingen opgeslagen.', de: 'Einstellungen gespeichert.', fr: 'Paramètres enregistrés.', es: 'Configuración guardada.', ar: 'تم حفظ الإعدادات.'},
  brandReset: {en: 'Brand colour reset.', nl: 'Huisstijlkleur hersteld.', de: 'Markenfarbe zurückgesetzt.', fr: 'Couleur de marque réinitialisée.', es: 'Color de marca restablecido.', ar: 'تمت إعادة تعيين لون العلامة التجارية.'},
  otherHosts: {
    en: 'The same elements in other hosts',
    nl: 'Dezelfde elementen in andere omgevingen',
    de: 'Dieselben Elemente in anderen Umgebungen',
    fr: 'Les mêmes éléments dans d’autres environnements',
    es: 'Los mismos elementos en otros entornos',
    ar: 'العناصر نفسها في بيئات أخرى',
  },
  hostCdn: {
    en: 'The single-file CDN bundle on a plain HTML page',
    nl: 'De CDN-bundel in één bestand op een gewone HTML-pagina',
    de: 'Das CDN-Bundle als eine Datei auf einer einfachen HTML-Seite',
    fr: 'Le bundle CDN en un seul fichier sur une page HTML simple',
    es: 'El paquete CDN de un solo archivo en una página HTML sencilla',
    ar: 'حزمة CDN في ملف واحد على صفحة HTML بسيطة',
  },
  hostCdnNote: {
    en: '(every element, strict CSP)',
    nl: '(alle elementen, strikte CSP)',
    de: '(alle Elemente, strikte CSP)',
    fr: '(tous les éléments, CSP stricte)',
    es: '(todos los elementos, CSP estricta)',
    ar: '(كل العناصر، سياسة CSP صارمة)',
  },
  hostAutoload: {
    en: 'The CDN autoloader on a plain HTML page',
    nl: 'De CDN-autoloader op een gewone HTML-pagina',
    de: 'Der CDN-Autoloader auf einer einfachen HTML-Seite',
    fr: 'Le chargeur automatique CDN sur une page HTML simple',
    es: 'El cargador automático CDN en una página HTML sencilla',
    ar: 'المحمّل التلقائي من CDN على صفحة HTML بسيطة',
  },
  hostAutoloadNote: {
    en: '(only the elements the page uses, strict CSP)',
    nl: '(alleen de elementen die de pagina gebruikt, strikte CSP)',
    de: '(nur die Elemente, die die Seite verwendet, strikte CSP)',
    fr: '(uniquement les éléments utilisés par la page, CSP stricte)',
    es: '(solo los elementos que usa la página, CSP estricta)',
    ar: '(العناصر التي تستخدمها الصفحة فقط، سياسة CSP صارمة)',
  },
  hostReact: {en: 'A React app', nl: 'Een React-app', de: 'Eine React-App', fr: 'Une application React', es: 'Una aplicación React', ar: 'تطبيق React'},
  hostReactNote: {en: 'with the', nl: 'met de', de: 'mit den', fr: 'avec les', es: 'con los', ar: 'مع'},
  hostReactWrappers: {en: 'wrappers', nl: 'wrappers', de: 'Wrappern', fr: 'wrappers', es: 'wrappers', ar: 'المغلّفات'},
  hostVue: {en: 'A Vue app', nl: 'Een Vue-app', de: 'Eine Vue-App', fr: 'Une application Vue', es: 'Una aplicación Vue', ar: 'تطبيق Vue'},
  hostVueNote: {en: 'with the plain tags', nl: 'met de gewone tags', de: 'mit den einfachen Tags', fr: 'avec les balises simples', es: 'con las etiquetas simples', ar: 'مع الوسوم العادية'},
  notFoundText: {
    en: 'There is no page at this address.',
    nl: 'Er is geen pagina op dit adres.',
    de: 'Unter dieser Adresse gibt es keine Seite.',
    fr: 'Il n’y a pas de page à cette adresse.',
    es: 'No hay ninguna página en esta dirección.',
    ar: 'لا توجد صفحة على هذا العنوان.',
  },
  goToCustomers: {en: 'Go to Customers', nl: 'Naar Klanten', de: 'Zu den Kunden', fr: 'Aller aux clients', es: 'Ir a Clientes', ar: 'الانتقال إلى العملاء'},
  footer: {
    en: 'Northwind Voice · a fictional reseller · built with reseller-elements on the sandbox API',
    nl: 'Northwind Voice · een fictieve reseller · gebouwd met reseller-elements op de sandbox-API',
    de: 'Northwind Voice · ein fiktiver Reseller · gebaut mit reseller-elements auf der Sandbox-API',
    fr: 'Northwind Voice · un revendeur fictif · construit avec reseller-elements sur l’API sandbox',
    es: 'Northwind Voice · un distribuidor ficticio · creado con reseller-elements sobre la API sandbox',
    ar: 'Northwind Voice · موزّع خيالي · مبني باستخدام reseller-elements على واجهة API التجريبية',
  },
  portalTitle: {
    en: 'Northwind Voice partner portal',
    nl: 'Northwind Voice-partnerportaal',
    de: 'Northwind Voice Partnerportal',
    fr: 'Portail partenaire Northwind Voice',
    es: 'Portal de socios de Northwind Voice',
    ar: 'بوابة شركاء Northwind Voice',
  },
} as const satisfies Record<string, Row>;

export type PortalKey = keyof typeof PORTAL_STRINGS;

/** The portal's string for a key in a locale (English for an unknown locale). */
export function portalText(key: PortalKey, locale: string): string {
  const row: Row = PORTAL_STRINGS[key];
  return row[(PORTAL_LOCALES as readonly string[]).includes(locale) ? (locale as PortalLocale) : 'en'];
}
