/**
 * A transcript's text: timed segments (start/end in ms, speaker, text, confidence), generated on
 * demand and deterministically from the transcript's id, language and duration, so nothing is
 * stored for the ~100,000 seeded transcripts and the seed takes no longer. The viewer's
 * `GET /transcripts/{id}/content` and every document (txt, srt, vtt, pdf, docx) are built from the
 * same segments, so they carry the same lines. A transcript added through the control API with its
 * own `segments` keeps those instead (hostile-content tests); they are stored in `transcript_content`.
 */
import {mulberry32} from './seed.js';

export interface Segment {
  index: number;
  start_ms: number;
  end_ms: number;
  speaker: string;
  text: string;
  confidence: number;
}

interface Bank {
  speakers: readonly string[];
  lines: readonly string[];
}

const BANKS: Record<string, Bank> = {
  en: {
    speakers: ['Emma Clarke', 'James Patel', 'Olivia Brown', 'Noah Williams'],
    lines: [
      'Good morning everyone, thank you for joining.', 'Let us start with the figures of last quarter.',
      'The transcription accuracy improved again this month.', 'Could you share the slides after the meeting?',
      'We agreed to follow up with the client next week.', 'Are there any questions before we move on?',
      'The next item on the agenda is the budget.', 'Thanks, that is all from my side.',
      'I think we should wait for the legal review first.', 'That is a fair point, let me check the numbers.',
      'The pilot went well in both regions.', 'We still need a decision on the vendor contract.',
      'Can everyone hear me clearly?', 'Let me summarise what we have agreed so far.',
      'Support tickets went down by about twelve percent.', 'I will send the minutes this afternoon.',
    ],
  },
  nl: {
    speakers: ['Sanne de Vries', 'Daan Jansen', 'Lotte Bakker', 'Ruben Visser'],
    lines: [
      'Goedemorgen allemaal, fijn dat jullie er zijn.', 'Laten we beginnen met de cijfers van het vorige kwartaal.',
      'De nauwkeurigheid van de transcripties is weer verbeterd.', 'Kun je de slides na de vergadering delen?',
      'We spreken af dat we volgende week terugkoppelen.', 'Zijn er nog vragen voordat we verdergaan?',
      'Het volgende agendapunt is de begroting.', 'Dank je, dat was het van mijn kant.',
      'Ik denk dat we eerst het juridisch advies moeten afwachten.', 'Goed punt, ik controleer de cijfers even.',
      'De proef is in beide regio’s goed verlopen.', 'We moeten nog een besluit nemen over het contract.',
      'Kan iedereen mij goed horen?', 'Ik vat even samen wat we hebben afgesproken.',
    ],
  },
  de: {
    speakers: ['Anna Schmidt', 'Lukas Müller', 'Sophie Weber', 'Jonas Fischer'],
    lines: [
      'Guten Morgen zusammen, danke, dass Sie dabei sind.', 'Fangen wir mit den Zahlen des letzten Quartals an.',
      'Die Genauigkeit der Transkription hat sich wieder verbessert.', 'Können Sie die Folien nach der Besprechung teilen?',
      'Wir melden uns nächste Woche beim Kunden.', 'Gibt es Fragen, bevor wir weitermachen?',
      'Der nächste Punkt auf der Tagesordnung ist das Budget.', 'Danke, das war alles von meiner Seite.',
      'Wir sollten zuerst die rechtliche Prüfung abwarten.', 'Guter Punkt, ich prüfe die Zahlen noch einmal.',
      'Der Pilot lief in beiden Regionen gut.', 'Über den Vertrag müssen wir noch entscheiden.',
    ],
  },
  fr: {
    speakers: ['Camille Martin', 'Lucas Bernard', 'Léa Dubois', 'Hugo Moreau'],
    lines: [
      'Bonjour à tous, merci d’être présents.', 'Commençons par les chiffres du dernier trimestre.',
      'La précision de la transcription s’est encore améliorée.', 'Pouvez-vous partager les diapositives après la réunion ?',
      'Nous recontacterons le client la semaine prochaine.', 'Y a-t-il des questions avant de continuer ?',
      'Le point suivant à l’ordre du jour est le budget.', 'Merci, c’est tout pour moi.',
      'Il faudrait d’abord attendre l’avis juridique.', 'C’est une bonne remarque, je vérifie les chiffres.',
      'Le projet pilote s’est bien passé dans les deux régions.', 'Il reste à décider du contrat fournisseur.',
    ],
  },
  es: {
    speakers: ['Lucía García', 'Hugo Fernández', 'Martina López', 'Pablo Sánchez'],
    lines: [
      'Buenos días a todos, gracias por venir.', 'Empecemos con las cifras del último trimestre.',
      'La precisión de la transcripción ha vuelto a mejorar.', '¿Puedes compartir las diapositivas después de la reunión?',
      'Quedamos en contactar con el cliente la próxima semana.', '¿Hay alguna pregunta antes de seguir?',
      'El siguiente punto del orden del día es el presupuesto.', 'Gracias, eso es todo por mi parte.',
      'Creo que primero debemos esperar la revisión legal.', 'Buena observación, reviso los números.',
      'El piloto salió bien en las dos regiones.', 'Aún falta decidir sobre el contrato del proveedor.',
    ],
  },
  ar: {
    speakers: ['ليلى حسن', 'عمر خالد', 'نور الهدى', 'يوسف علي'],
    lines: [
      'صباح الخير جميعاً، شكراً لانضمامكم.', 'لنبدأ بأرقام الربع الماضي.',
      'تحسنت دقة النسخ مرة أخرى هذا الشهر.', 'هل يمكنك مشاركة الشرائح بعد الاجتماع؟',
      'اتفقنا على متابعة العميل الأسبوع المقبل.', 'هل هناك أي أسئلة قبل أن ننتقل؟',
      'البند التالي في جدول الأعمال هو الميزانية.', 'شكراً، هذا كل ما لدي.',
      'أعتقد أنه يجب أن ننتظر المراجعة القانونية أولاً.', 'نقطة جيدة، سأراجع الأرقام.',
      'نجح المشروع التجريبي في المنطقتين.', 'ما زلنا بحاجة إلى قرار بشأن عقد المورد.',
    ],
  },
  ja: {
    speakers: ['佐藤 陽菜', '鈴木 大翔', '高橋 結衣'],
    lines: [
      '皆さん、おはようございます。ご参加ありがとうございます。', '前四半期の数字から始めましょう。',
      '今月も文字起こしの精度が向上しました。', '会議の後でスライドを共有していただけますか。',
      '来週、お客様にフォローアップすることで合意しました。', '次に進む前に質問はありますか。',
      '次の議題は予算です。', 'ありがとうございます、私からは以上です。',
    ],
  },
};

/** The right-to-left primary languages among the seeded ones (and a few common others). */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** `ltr` or `rtl` for a BCP 47 tag such as `ar-AE`. */
export const directionOf = (language: string): 'ltr' | 'rtl' => (RTL.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr');

const bankOf = (language: string): Bank => BANKS[language.split('-')[0]!.toLowerCase()] ?? BANKS['en']!;

/** Past this length (~2.2 hours, ~2,000 segments) a recording's segments are stretched, not multiplied. */
const PLAIN_MS = 8_000_000;

/**
 * The segments of a transcript of `durationSeconds`, in order, covering it without overlap: each
 * 1.5–7 s with short pauses between, two to four speakers taking turns, confidence 0.62–0.99.
 * About one segment per 4 s: a two-hour transcript has ~1,500. A longer recording than ~2.2 hours
 * (the seed scales some up to days) keeps ~2,000 segments, stretched over its duration, so its
 * documents stay a few hundred kilobytes and a document list never builds megabytes.
 */
export function generateSegments(t: {id: number; language: string; duration_seconds: number}): Segment[] {
  const next = mulberry32(t.id * 7919 + 17);
  const bank = bankOf(t.language);
  const speakers = bank.speakers.slice(0, 2 + (t.id % 3));
  const real = t.duration_seconds * 1000;
  const end = Math.min(real, PLAIN_MS);
  const out: Segment[] = [];
  let at = Math.floor(next() * 800);
  let speaker = 0;
  while (at < end - 500) {
    const length = Math.min(end - at, 1500 + Math.floor(next() * 5500));
    if (next() < 0.3) speaker = (speaker + 1 + Math.floor(next() * (speakers.length - 1))) % speakers.length;
    const a = bank.lines[Math.floor(next() * bank.lines.length)]!;
    const text = length > 4500 ? `${a} ${bank.lines[Math.floor(next() * bank.lines.length)]!}` : a;
    out.push({index: out.length, start_ms: at, end_ms: at + length, speaker: speakers[speaker]!, text, confidence: Math.round((0.62 + 0.37 * Math.sqrt(next())) * 100) / 100});
    at += length + 100 + Math.floor(next() * 900);
  }
  if (real > end) {
    const f = real / end;
    for (const seg of out) [seg.start_ms, seg.end_ms] = [Math.floor(seg.start_ms * f), Math.floor(seg.end_ms * f)];
  }
  return out;
}

/** Stored segments (control API) as `{speaker, text}` pairs: timed evenly over the duration. */
export function storedSegments(items: ReadonlyArray<{speaker: string; text: string}>, durationSeconds: number): Segment[] {
  const step = Math.floor((durationSeconds * 1000) / Math.max(1, items.length));
  return items.map((s, index) => ({index, start_ms: index * step, end_ms: (index + 1) * step - 100, speaker: s.speaker, text: s.text, confidence: 0.9}));
}

const cache = new Map<string, Segment[]>();

/**
 * A transcript's segments, stored or generated; the last few are kept (a viewer pages through one
 * transcript, and a document list builds several documents of the same one).
 */
export function segmentsOf(t: {id: number; language: string; duration_seconds: number; status?: string}, stored?: ReadonlyArray<{speaker: string; text: string}> | null): Segment[] {
  if (t.status !== undefined && t.status !== 'done') return [];
  if (stored) return storedSegments(stored, t.duration_seconds);
  const key = `${t.id}:${t.language}:${t.duration_seconds}`;
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
  } else {
    hit = generateSegments(t);
    if (cache.size >= 64) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, hit);
  return hit;
}
