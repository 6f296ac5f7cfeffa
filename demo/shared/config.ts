/** What every demo page (portal, React host, Vue host) gets from `npm start`'s `/demo-config.json`. */
export interface DemoConfig {
  apiBase: string;
  token: string;
  sampleCustomerId: number | null;
}

/**
 * Loads `/demo-config.json` (the dev token travels in a body, never an attribute or URL); logs
 * with `label` and resolves to null when the page is not served by `npm start`.
 */
export async function loadConfig(label: string): Promise<DemoConfig | null> {
  try {
    const response = await fetch('/demo-config.json', {cache: 'no-store'});
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as DemoConfig;
  } catch (error) {
    console.error(`[${label}] could not load /demo-config.json (is this page served by \`npm start\`?)`, error);
    return null;
  }
}
