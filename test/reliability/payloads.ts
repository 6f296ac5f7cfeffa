/**
 * The hostile-content corpus: XSS and markup payloads, template injection, CSS breakouts, bidi
 * overrides, zero-width and control characters, very long unbroken strings, RTL text and emoji.
 * Every payload that could run script calls `window.__pwned(<its number>)`; the suite asserts it
 * is never called. At most 200 characters each (the customer name limit); token names take the
 * first 100.
 */
export interface Payload {
  n: number;
  /** What it tries. */
  kind: string;
  text: string;
}

const raw: [string, string][] = [
  ['script tag', '<script>__pwned(1)</script>'],
  ['img onerror', '<img src=x onerror=__pwned(2)>'],
  ['svg onload', '<svg onload=__pwned(3)>'],
  ['svg script', '<svg><script>__pwned(4)</script></svg>'],
  ['javascript: URL', 'javascript:__pwned(5)'],
  ['attribute breakout + script', '"><script>__pwned(6)</script>'],
  ['single-quote breakout + img', "'><img src=x onerror=__pwned(7)>"],
  ['attribute injection', '" onmouseover="__pwned(8)" x="'],
  ['autofocus onfocus', "' onfocus='__pwned(9)' autofocus='"],
  ['template literal', '${__pwned(10)}'],
  ['mustache', '{{__pwned(11)}}'],
  ['angular sandbox escape', "{{constructor.constructor('__pwned(12)')()}}"],
  ['style breakout', '</style><script>__pwned(13)</script>'],
  ['textarea breakout', '</textarea><script>__pwned(14)</script>'],
  ['title breakout', '</title><script>__pwned(15)</script>'],
  ['iframe javascript:', '<iframe src="javascript:__pwned(16)"></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__pwned(17)</script>">'],
  ['anchor javascript:', '<a href="javascript:__pwned(18)">click</a>'],
  ['body onload', '<body onload=__pwned(19)>'],
  ['details ontoggle', '<details open ontoggle=__pwned(20)>'],
  ['video source onerror', '<video><source onerror=__pwned(21)></video>'],
  ['audio onerror', '<audio src=x onerror=__pwned(22)>'],
  ['input autofocus', '<input autofocus onfocus=__pwned(23)>'],
  ['mXSS math/style', '<math><mtext><table><mglyph><style><img src=x onerror=__pwned(24)>'],
  ['object data', '<object data="javascript:__pwned(25)">'],
  ['embed src', '<embed src="javascript:__pwned(26)">'],
  ['formaction', '<form><button formaction=javascript:__pwned(27)>x</button></form>'],
  ['marquee onstart', '<marquee onstart=__pwned(28)>'],
  ['css url javascript:', '<div style="background:url(javascript:__pwned(29))">'],
  ['css @import', "<style>@import 'javascript:__pwned(30)';</style>"],
  ['comment hidden img', '<!--<img src=x onerror=__pwned(31)>-->'],
  ['CDATA', '<![CDATA[<script>__pwned(32)</script>]]>'],
  ['entity-encoded script', '&lt;script&gt;__pwned(33)&lt;/script&gt;'],
  ['URL-encoded script', '%3Cscript%3E__pwned(34)%3C/script%3E'],
  ['JS-escaped script', '\\u003cscript\\u003e__pwned(35)\\u003c/script\\u003e'],
  ['nested script tags', '<scr<script>ipt>__pwned(36)</scr</script>ipt>'],
  ['data: script src', '<SCRIPT SRC=data:text/javascript,__pwned(37)></SCRIPT>'],
  ['unclosed img', '<img src=x:y onerror=__pwned(38)//'],
  ['base href', '<base href="javascript:__pwned(39)//">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:__pwned(40)">'],
  ['link import', '<link rel=import href="data:text/html,<script>__pwned(41)</script>">'],
  ['template script', '<template><script>__pwned(42)</script></template>'],
  ['noscript breakout', '<noscript><p title="</noscript><img src=x onerror=__pwned(43)>">'],
  ['svg animate onbegin', '<svg><animate onbegin=__pwned(44) attributeName=x dur=1s>'],
  ['svg xlink:href', '<svg><a xlink:href="javascript:__pwned(45)"><text x=20 y=20>X</text></a></svg>'],
  ['lit marker injection', '<!--?lit$123456789$--><?lit$123456789$>lit$123456789$'],
  ['bidi override (RLO)', '\u202Eexe.gnp\u202C invoice'],
  ['bidi override + markup', '\u202E<img src=x onerror=__pwned(48)>'],
  ['zero-width characters', 'ze\u200Bro\u200Cwi\u200Ddth\uFEFF\u2060name'],
  ['long unbroken string', 'W'.repeat(200)],
  ['long unbroken URL', `https://example.com/${'a'.repeat(170)}`],
  ['RTL text', 'שלום עולם — مرحبا بالعالم'],
  ['emoji and astral', '👩‍👩‍👧‍👦 🏳️‍🌈 🇳🇱 Ünïcödé 中文 𝕏 Zalgo: Z̷͓̈a̸̰͑l̶̢̛g̴̠̈́o̵͙͝'],
  ['control characters', 'ctl\u0001\u0002\u0007\u001b[31mred\u0008\u007f end'],
  ['double-open script', '<<SCRIPT>__pwned(55);//<</SCRIPT>'],
  ['quoted attr confusion', '<img """><script>__pwned(56)</script>">'],
  ['data: URL', 'data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKDU3KTwvc2NyaXB0Pg=='],
  ['JS string breakout', '\\";__pwned(58);//'],
  ['script close/open', '</script><script>__pwned(59)</script>'],
  ['svg slash onload', '<svg/onload=__pwned(60)>'],
  ['css expression', 'x{}*{background:expression(__pwned(61))}'],
  ['newline/tab injection', 'line1\nline2\r\n\tindented <b>bold</b>'],
];

export const PAYLOADS: Payload[] = raw.map(([kind, text], i) => ({n: i + 1, kind, text}));

/** What a trimming validator stores (zod `trim()`): the comparison value for rendered text. */
export const stored = (text: string, max = 200) => text.slice(0, max).trim();

/** CSS-injection brand colours: every one must be refused (editor, schema, sandbox). */
export const COLOR_INJECTIONS = [
  'red;}body{display:none',
  'url(javascript:__pwned(90))',
  'expression(__pwned(91))',
  'var(--x)',
  '#fff;background:url(x)',
  '#123456;}',
  '#12345g',
  '</style><script>__pwned(92)</script>',
  '#1a73e8;color:red',
  'inherit',
];
