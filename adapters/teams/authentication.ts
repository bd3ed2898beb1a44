import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/** jsonwebtoken's own errors: a bad signature, a token not valid yet, a malformed token. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botframework-connector's token check prints to the console itself before it throws: the whole
 * TokenExpiredError with its stack for an expired token, and every signing key it knows ("Error
 * finding key for token. Available keys: …", a dozen lines) for any other bad token. The adapter
 * already logs each refused request as one warning line, so those two prints, and only they, are
 * dropped; everything else written to console.error is untouched.
 */
function isConnectorTokenNoise(args: readonly unknown[]): boolean {
  const [first] = args;
  if (args.length !== 1) return false;
  if (typeof first === 'string') return first.startsWith('Error finding key for token. Available keys:');
  return first instanceof Error && first.name === 'TokenExpiredError';
}

let consoleFiltered = false;
function dropConnectorTokenNoise(): void {
  if (consoleFiltered) return;
  consoleFiltered = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (!isConnectorTokenNoise(args)) print(...args);
  };
}

/**
 * botbuilder's authentication, except that every token it cannot verify is a 401. botbuilder
 * turns an expired token into an AuthenticationError, but lets jsonwebtoken's other verdicts
 * (wrong signature, `nbf` in the future) through as plain errors, which CloudAdapter answers
 * with 500: a sender with a forged token would look like a broken bot, and the Bot Connector
 * would retry it.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(...args: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>) {
    super(...args);
    dropConnectorTokenNoise();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof Error && TOKEN_ERRORS.has(err.name)) throw new AuthenticationError(`Unauthorized: ${err.message}`, StatusCodes.UNAUTHORIZED);
      throw err;
    }
  }
}
