import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

/** jsonwebtoken's own errors: a bad signature, a token not valid yet, a malformed token. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder's authentication, except that every token it cannot verify is a 401. botbuilder
 * turns an expired token into an AuthenticationError, but lets jsonwebtoken's other verdicts
 * (wrong signature, `nbf` in the future) through as plain errors, which CloudAdapter answers
 * with 500: a sender with a forged token would look like a broken bot, and the Bot Connector
 * would retry it.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof Error && TOKEN_ERRORS.has(err.name)) throw new AuthenticationError(`Unauthorized: ${err.message}`, StatusCodes.UNAUTHORIZED);
      throw err;
    }
  }
}
