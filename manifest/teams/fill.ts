/**
 * What a municipality's Teams package says about it: the developer (the municipality), its web,
 * privacy and terms pages, and the bot's domain. manifest.json holds example values only; the
 * package is filled from the configuration and environment, and refused while any example is left.
 */

export interface Publisher {
  /** developer.name: TEAMS_DEVELOPER_NAME, else the configuration's municipality.name. */
  readonly developerName?: string;
  /** developer.websiteUrl: TEAMS_WEBSITE_URL, else PUBLIC_BASE_URL. */
  readonly websiteUrl?: string;
  /** developer.privacyUrl: TEAMS_PRIVACY_URL. */
  readonly privacyUrl?: string;
  /** developer.termsOfUseUrl: TEAMS_TERMS_URL. */
  readonly termsOfUseUrl?: string;
  /** PUBLIC_BASE_URL: its host is the package's valid domain. */
  readonly publicBaseUrl?: string;
}

/** The names and domains manifest.json ships with, and the built-in configuration's name. */
const EXAMPLES = [/example\.(se|com|org)/i, /^Exempel/i];

export function publisherFromEnv(env: NodeJS.ProcessEnv, municipalityName: string | undefined): Publisher {
  const get = (name: string): string | undefined => env[name]?.trim() || undefined;
  const developerName = get('TEAMS_DEVELOPER_NAME') ?? municipalityName;
  const websiteUrl = get('TEAMS_WEBSITE_URL') ?? get('PUBLIC_BASE_URL');
  const privacyUrl = get('TEAMS_PRIVACY_URL');
  const termsOfUseUrl = get('TEAMS_TERMS_URL');
  const publicBaseUrl = get('PUBLIC_BASE_URL');
  return {
    ...(developerName ? { developerName } : {}),
    ...(websiteUrl ? { websiteUrl } : {}),
    ...(privacyUrl ? { privacyUrl } : {}),
    ...(termsOfUseUrl ? { termsOfUseUrl } : {}),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  };
}

/** The manifest with the publisher's values; throws naming every value that is missing or an example. */
export function withPublisher(manifest: Record<string, unknown>, publisher: Publisher): Record<string, unknown> {
  const problems: string[] = [];
  const https = (name: string, value: string | undefined): string | undefined => {
    if (!value) return void problems.push(`${name} is not set`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return void problems.push(`${name} is not a URL: ${value}`);
    }
    if (url.protocol !== 'https:') return void problems.push(`${name} must be an https:// address (Teams requires it): ${value}`);
    return value;
  };
  const developerName = publisher.developerName;
  if (!developerName) problems.push('TEAMS_DEVELOPER_NAME is not set, and the configuration names no municipality (SAMVERKAN_CONFIG)');
  const websiteUrl = https('TEAMS_WEBSITE_URL (or PUBLIC_BASE_URL)', publisher.websiteUrl);
  const privacyUrl = https('TEAMS_PRIVACY_URL', publisher.privacyUrl);
  const termsOfUseUrl = https('TEAMS_TERMS_URL', publisher.termsOfUseUrl);
  const base = https('PUBLIC_BASE_URL', publisher.publicBaseUrl);
  const domain = base ? new URL(base).host : undefined;

  const named = {
    'the developer name (TEAMS_DEVELOPER_NAME, else municipality.name)': developerName,
    TEAMS_WEBSITE_URL: websiteUrl,
    TEAMS_PRIVACY_URL: privacyUrl,
    TEAMS_TERMS_URL: termsOfUseUrl,
    PUBLIC_BASE_URL: base,
  };
  for (const [name, value] of Object.entries(named)) {
    if (value && EXAMPLES.some((re) => re.test(value))) problems.push(`${name} is still an example value: ${value}`);
  }
  if (problems.length > 0) {
    throw new Error(`The Teams package is not built with example or missing values:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee docs/operations.md (Teams app package).`);
  }
  return {
    ...manifest,
    developer: { name: developerName, websiteUrl, privacyUrl, termsOfUseUrl },
    validDomains: [domain],
  };
}
