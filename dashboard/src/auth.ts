import * as oauth from 'oauth4webapi';

/**
 * Where the page gets its bearer token.
 * - `fragment` (npm start): from the URL fragment `#token=…`, which the
 *   browser never sends to a server; kept in sessionStorage and taken off the
 *   address bar at once.
 * - `oidc` (AWS): sign-in at the province's OpenID Connect provider, the
 *   issuer the API's JWT authorizer trusts (authorization code with PKCE, a
 *   public client); the ID token, whose audience is the dashboard's client id
 *   (an audience of the authorizer), is the bearer token.
 */
export type DashboardConfig = { auth: 'fragment' } | { auth: 'oidc'; issuer: string; clientId: string; scope?: string };

const TOKEN_KEY = 'ocop-pulse.token';
const PKCE_KEY = 'ocop-pulse.pkce';

export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) return { auth: 'fragment' };
  return (await response.json()) as DashboardConfig;
}

/** The token, or undefined once the browser is on its way to the sign-in page. */
export async function bearerToken(config: DashboardConfig): Promise<string | undefined> {
  if (config.auth === 'fragment') return tokenFromFragment();
  return oidcToken(config);
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

function tokenFromFragment(): string | undefined {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

async function oidcToken(config: Extract<DashboardConfig, { auth: 'oidc' }>): Promise<string | undefined> {
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (stored && !expired(stored)) return stored;
  const issuer = new URL(config.issuer);
  const server = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc' }));
  const client: oauth.Client = { client_id: config.clientId };
  const url = new URL(location.href);
  const pending = sessionStorage.getItem(PKCE_KEY);
  if (pending && url.searchParams.has('code')) {
    const { verifier, state } = JSON.parse(pending) as { verifier: string; state: string };
    sessionStorage.removeItem(PKCE_KEY);
    const parameters = oauth.validateAuthResponse(server, client, url, state);
    const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), parameters, redirectUri(), verifier);
    const result = await oauth.processAuthorizationCodeResponse(server, client, response, { requireIdToken: true });
    history.replaceState(null, '', location.pathname);
    sessionStorage.setItem(TOKEN_KEY, result.id_token!);
    return result.id_token;
  }
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const authorize = new URL(server.authorization_endpoint!);
  authorize.searchParams.set('client_id', config.clientId);
  authorize.searchParams.set('redirect_uri', redirectUri());
  authorize.searchParams.set('response_type', 'code');
  authorize.searchParams.set('scope', config.scope ?? 'openid');
  authorize.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  authorize.searchParams.set('code_challenge_method', 'S256');
  authorize.searchParams.set('state', state);
  location.assign(authorize.href);
  return undefined;
}

/** A JWT past its `exp` (a token that is no JWT is taken as valid: the API decides). */
function expired(token: string): boolean {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return payload.exp !== undefined && payload.exp * 1000 < Date.now() + 30_000;
  } catch {
    return false;
  }
}
